package org.planledger.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Tells a failure of the database itself (gone, restarting, out of disk, a deadlock) from a failure caused by what
 * was asked of it. The first kind passes: the same work done again later succeeds, so it is retried or answered 503;
 * the second kind repeats every time.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether trying again later can succeed: the database is unreachable, or PostgreSQL reported a transaction
     * rollback (class 40: serialization failure, deadlock), insufficient resources (class 53: disk full, out of
     * memory, too many connections), a lock it could not get (55P03) or operator intervention (class 57: shutting
     * down, cancelled).
     */
    public static boolean passing(Throwable failure) {
        return unreachable(failure) || anyState(failure,
                state -> state.startsWith("40") || state.startsWith("53") || state.startsWith("57") || state.equals("55P03"));
    }

    /** Whether the failure comes from not reaching the database at all, anywhere in its chain of causes. */
    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // TransactionSystemException: the commit or rollback itself failed, which a live connection does not do.
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException || (cause instanceof SQLException sql && connectionLost(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), or 57P01–57P03 (shutting down, crashed, starting up); or the pool's
     * own word that the connection in hand was closed under it (HikariCP gives that one no SQLSTATE).
     */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null ? "Connection is closed".equals(e.getMessage())
                : state.startsWith("08") || state.startsWith("57P");
    }

    /**
     * Whether PostgreSQL ran out of resources (class 53: 53100 disk full, 53200 out of memory, 53300 too many
     * connections) anywhere in the causes; Axon's event store passes its exception on untranslated. The transaction
     * was rolled back, and it is not the client's doing.
     */
    public static boolean outOfResources(Throwable failure) {
        return anyState(failure, state -> state.startsWith("53"));
    }

    private static boolean anyState(Throwable failure, Predicate<String> matches) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && matches.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What went wrong, in one short line without the statement or the data: PostgreSQL's own message (with its
     * SQLSTATE) when the database refused something, else the innermost exception's first line.
     */
    public static String describe(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                // A batch's own message quotes the statement; the exception it chains holds the server's words.
                SQLException telling = sql.getNextException() != null ? sql.getNextException() : sql;
                return firstLine(telling.getMessage()) + " (SQLSTATE " + telling.getSQLState() + ")";
            }
            innermost = cause;
        }
        String message = Objects.requireNonNullElse(innermost.getMessage(), "");
        return innermost.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
