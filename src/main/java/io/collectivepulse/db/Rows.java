package io.collectivepulse.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Reading the column types our DAOs share, nulls included, from a JDBC result set. */
public final class Rows {
    private Rows() {
    }

    /** A {@code TIMESTAMPTZ} column, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** A {@code TEXT[]} column; an empty list for SQL NULL. */
    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
