package org.planledger.query;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement's rows waiting for the end of a batch, then sent as one JDBC batch (which the driver turns into
 * multi-row inserts: {@code reWriteBatchedInserts} in application.yml). The column types are given so that a null
 * costs no question to the database about its type.
 */
public final class PendingRows {

    private final String sql;
    private final int[] types;
    private final List<Object[]> rows = new ArrayList<>();

    /** {@code types} are {@link java.sql.Types}, one per placeholder. */
    public PendingRows(String sql, int... types) {
        this.sql = sql;
        this.types = types;
    }

    public void add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for " + types.length + " placeholders");
        }
        rows.add(values);
    }

    public void writeTo(JdbcTemplate jdbc) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, types);
            rows.clear();
        }
    }
}
