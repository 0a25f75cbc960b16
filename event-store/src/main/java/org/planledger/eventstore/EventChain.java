package org.planledger.eventstore;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Verifies the event store's hash chain (migration V2) by recomputing every hash from the rows themselves, in the
 * same canonical form the database used when it chained them. The stored hashes are only trusted as far as they
 * agree with the recomputation; the first event where anything disagrees (a changed column, a deleted or missing
 * row, a broken link, rows swapped) is the first broken position.
 */
public class EventChain {

    /** The hash the chain starts from: SHA-256 of {@value #GENESIS_TEXT}. */
    static final String GENESIS_TEXT = "plan-ledger event chain";
    private static final String SCHEMA = EventStoreConfiguration.SCHEMA;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public EventChain(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result set only inside a transaction with a fetch size.
        this.jdbc.setFetchSize(1_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The chain's head: the last event chained and its hash (before the first event, the starting hash). */
    public Link head() {
        return jdbc.query("SELECT global_index, hash FROM " + SCHEMA + ".event_hash ORDER BY global_index DESC LIMIT 1",
                        (rs, row) -> new Link(rs.getLong("global_index"), hex(rs.getBytes("hash"))))
                .stream().findFirst()
                .orElseGet(() -> new Link(null, hex(sha256(GENESIS_TEXT.getBytes(StandardCharsets.UTF_8)))));
    }

    /**
     * Recomputes the whole chain. If {@code checkpoint} is given, also says whether the hash recomputed at its
     * position is the one the checkpoint recorded, which proves the log up to there is what it was then.
     */
    public Verification verify(Link checkpoint) {
        return readOnly.execute(tx -> {
            Walk walk = new Walk(checkpoint);
            jdbc.query("""
                    SELECT coalesce(e.global_index, h.global_index) AS position, h.previous_index, h.hash,
                           e.global_index AS event_index, e.event_identifier, e.type, e.aggregate_identifier,
                           e.sequence_number, e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp
                      FROM %1$s.domain_event_entry e
                      FULL JOIN %1$s.event_hash h ON h.global_index = e.global_index
                     ORDER BY 1""".formatted(SCHEMA), (RowCallbackHandler) walk::step);
            return new Verification(walk.firstBroken == null, walk.firstBroken, walk.checked, head(),
                    checkpoint == null ? null : walk.checkpointMatches);
        });
    }

    /** Walks the rows in position order, recomputing each hash from the previous recomputed one. */
    private static final class Walk {
        private final Link checkpoint;
        private byte[] previousHash = sha256(GENESIS_TEXT.getBytes(StandardCharsets.UTF_8));
        private Long previousIndex;
        private Long firstBroken;
        private long checked;
        private Boolean checkpointMatches;

        Walk(Link checkpoint) {
            this.checkpoint = checkpoint;
            this.checkpointMatches = checkpoint == null ? null : false;
        }

        void step(ResultSet rs) throws SQLException {
            long position = rs.getLong("position");
            checked++;
            if (firstBroken != null) {
                return;
            }
            byte[] stored = rs.getBytes("hash");
            if (stored == null || rs.getObject("event_index") == null) {
                firstBroken = position; // an event without its hash, or a hash whose event is gone
                return;
            }
            Long linkedTo = rs.getObject("previous_index", Long.class);
            if (!Objects.equals(linkedTo, previousIndex)) {
                // The link skips something: an event deleted with its hash, which sat at the position linked to.
                boolean skipsForward = linkedTo != null && (previousIndex == null || linkedTo > previousIndex);
                firstBroken = skipsForward ? linkedTo : position;
                return;
            }
            byte[] recomputed = sha256(concat(previousHash, canonical(rs)));
            if (!Arrays.equals(recomputed, stored)) {
                firstBroken = position;
                return;
            }
            if (checkpoint != null && checkpoint.position() != null && checkpoint.position() == position) {
                checkpointMatches = Arrays.equals(recomputed, unhex(checkpoint.hash()));
            }
            previousHash = recomputed;
            previousIndex = position;
        }
    }

    /** The row's columns in the form the database hashes them (see chain_digest in V2__hash_chain.sql). */
    private static byte[] canonical(ResultSet rs) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).putLong(rs.getLong("event_index")).array());
        field(out, text(rs.getString("event_identifier")));
        field(out, text(rs.getString("type")));
        field(out, text(rs.getString("aggregate_identifier")));
        out.writeBytes(ByteBuffer.allocate(8).putLong(rs.getLong("sequence_number")).array());
        field(out, text(rs.getString("payload_type")));
        field(out, text(rs.getString("payload_revision")));
        field(out, rs.getBytes("payload"));
        field(out, rs.getBytes("meta_data"));
        field(out, text(rs.getString("time_stamp")));
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A point of the chain: an event's position and the chain's hash there (hex). */
    public record Link(@Nullable Long position, String hash) {
    }

    /**
     * @param firstBrokenPosition the first position where the chain and the rows disagree; null when valid
     * @param checkpointMatches   null when no checkpoint was given
     */
    public record Verification(boolean valid, @Nullable Long firstBrokenPosition, long eventsChecked, Link head,
                               @Nullable Boolean checkpointMatches) {
    }
}
