package org.planledger.web;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean the database is not answering or has run out of resources (503, retry) rather than a fault of
 * the service (500).
 */
class ProblemHandlerTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheCausesIsTheDatabaseNotAnswering() {
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("command failed",
                new CannotCreateTransactionException("no connection")))).isTrue();
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseFailures.unreachable(new TransactionSystemException("JDBC rollback failed"))).isTrue();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException(new SQLException("Connection is closed"))))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void sqlStateClass53AnywhereInTheCausesIsTheDatabaseOutOfResources() {
        assertThat(DatabaseFailures.outOfResources(new IllegalStateException("append failed",
                new SQLException("could not extend file: No space left on device", "53100")))).isTrue();
        assertThat(DatabaseFailures.outOfResources(new SQLException("out of memory", "53200"))).isTrue();
        assertThat(DatabaseFailures.outOfResources(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(ProblemHandler.failure(new SQLException("disk full", "53100")).getHeaders().getFirst("Retry-After"))
                .isEqualTo("30");
        assertThat(ProblemHandler.failure(new SQLException("disk full", "53100")).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemHandler.databaseUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(ProblemHandler.databaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemHandler.databaseUnavailable(new SQLException("no state"))).isFalse();
        assertThat(ProblemHandler.databaseUnavailable(new SQLException("division by zero", "22012"))).isFalse();
        assertThat(ProblemHandler.failure(new IllegalStateException("a bug")).getStatusCode().value()).isEqualTo(500);
    }
}
