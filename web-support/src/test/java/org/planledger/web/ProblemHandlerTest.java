package org.planledger.web;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean the database is not answering (503, retry) rather than a fault of the service (500). */
class ProblemHandlerTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheCausesIsTheDatabaseNotAnswering() {
        assertThat(ProblemHandler.databaseUnreachable(new IllegalStateException("command failed",
                new CannotCreateTransactionException("no connection")))).isTrue();
        assertThat(ProblemHandler.databaseUnreachable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(ProblemHandler.databaseUnreachable(new TransactionSystemException("JDBC rollback failed"))).isTrue();
        assertThat(ProblemHandler.databaseUnreachable(new IllegalStateException(new SQLException("Connection is closed"))))
                .isTrue();
        assertThat(ProblemHandler.databaseUnreachable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ProblemHandler.databaseUnreachable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemHandler.databaseUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(ProblemHandler.databaseUnreachable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemHandler.databaseUnreachable(new SQLException("no state"))).isFalse();
    }
}
