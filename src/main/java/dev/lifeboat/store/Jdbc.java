package dev.lifeboat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One unit of work against the state store: a pooled connection, statements that give up after
 * {@value #QUERY_TIMEOUT_SECONDS} s, and a failure reported as what could not be done and the SQLState — never the
 * driver's message, which may quote the values that were bound.
 */
final class Jdbc {
    static final int QUERY_TIMEOUT_SECONDS = 5;
    static final String FOREIGN_KEY_VIOLATION = "23503";

    /** Work on a connection; its statements are closed by the work itself. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} with auto-commit: each statement is its own transaction. */
    <T> T withConnection(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** One parameterised statement (strings and integers); the number of rows it changed. */
    int update(String what, String sql, Object... args) {
        return withConnection(what, c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    static void setTime(PreparedStatement ps, int index, Optional<Instant> at) throws SQLException {
        if (at.isPresent()) {
            ps.setObject(index, OffsetDateTime.ofInstant(at.get(), ZoneOffset.UTC));
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static Optional<Instant> time(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("the state store could not " + what + " (SQLState " + e.getSQLState() + ")", e);
    }
}
