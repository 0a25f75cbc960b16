package org.planledger.command.idempotency;

import org.planledger.eventstore.EventStoreConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The first answer given to each actor's Idempotency-Key (table events.idempotency_key). */
@Repository
public class IdempotencyKeys {

    private static final String TABLE = EventStoreConfiguration.SCHEMA + ".idempotency_key";

    private final JdbcClient jdbc;

    public IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key already used, what for, and what its command returned (null while that command is still running). */
    public record Used(byte[] fingerprint, String commandId, String result) {
    }

    public Optional<Used> find(String actor, String key) {
        return jdbc.sql("SELECT fingerprint, command_id, result FROM " + TABLE + " WHERE actor = ? AND key = ?")
                .params(actor, key)
                .query((rs, row) -> new Used(rs.getBytes("fingerprint"), rs.getString("command_id"), rs.getString("result")))
                .optional();
    }

    /**
     * Takes the key for a command, inside the command's transaction. A second taker waits on the key's row until the
     * first commits or rolls back, then fails with a duplicate key if the first committed.
     */
    void claim(String actor, String key, byte[] fingerprint, String commandId) {
        jdbc.sql("INSERT INTO " + TABLE + " (actor, key, fingerprint, command_id) VALUES (?, ?, ?, ?)")
                .params(actor, key, fingerprint, commandId)
                .update();
    }

    void complete(String actor, String key, String result) {
        jdbc.sql("UPDATE " + TABLE + " SET result = ? WHERE actor = ? AND key = ?").params(result, actor, key).update();
    }
}
