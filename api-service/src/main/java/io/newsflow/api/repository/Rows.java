package io.newsflow.api.repository;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Typed reads of native query rows ({@code createNativeQuery(sql, Tuple.class)}), column by alias: the JDBC types
 * of timestamps and counts vary with the driver and the expression (count(*) is bigint, a column may be int), so
 * they are converted here instead of cast at each query.
 */
final class Rows {

    private Rows() {
    }

    /** A native query whose rows come as tuples, read by column alias (lower case, as PostgreSQL names them). */
    static NativeQuery<Tuple> query(EntityManager em, String sql) {
        return em.unwrap(Session.class).createNativeQuery(sql, Tuple.class);
    }

    static String text(Tuple row, String column) {
        return row.get(column, String.class);
    }

    static long whole(Tuple row, String column) {
        return row.get(column, Number.class).longValue();
    }

    /** A timestamptz column as an instant; null stays null. */
    static Instant instant(Tuple row, String column) {
        Object value = row.get(column);
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass() + " in column " + column);
    }

    /** An instant as a timestamptz parameter: in UTC, so neither the JVM's nor the session's time zone plays a part. */
    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
