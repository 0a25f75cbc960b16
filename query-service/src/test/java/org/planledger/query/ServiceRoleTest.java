package org.planledger.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's own connections log in as its role, never as the database's owner or superuser. */
@QueryServiceTest
class ServiceRoleTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void connectsAsTheQueryRole() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("planledger_query");
        assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single())
                .isFalse();
    }
}
