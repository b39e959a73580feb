package dev.lifeboat.store;

import dev.lifeboat.offsite.CopyRecord;
import dev.lifeboat.offsite.OffsiteLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The offsite ledger in the state store ({@code V12__offsite_copies.sql}, the same SQL on H2 and PostgreSQL). A
 * change is an {@code UPDATE}, and when no row was there an {@code INSERT … ON CONFLICT DO NOTHING} followed by the
 * same {@code UPDATE}, in one transaction: no dialect's upsert is needed, and two writers cannot lose a row.
 */
final class JdbcOffsiteLedger implements OffsiteLedger {
    private static final int REASON_MAX = 1000;
    private static final String COLUMNS = "app, backup, object_key, state, heroku_bytes, stored_bytes, sha256,"
            + " failures, reason, updated_at, copied_at";

    private final Jdbc jdbc;

    JdbcOffsiteLedger(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<CopyRecord> forApp(String app) {
        return jdbc.withConnection("read the offsite copies of " + app, c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT " + COLUMNS + " FROM offsite_copies WHERE app = ?"
                    + " ORDER BY updated_at DESC, backup DESC")) {
                ps.setString(1, app);
                return read(ps);
            }
        });
    }

    @Override
    public Optional<CopyRecord> find(String app, String backup) {
        return jdbc.withConnection("read the offsite copy of " + backup, c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT " + COLUMNS + " FROM offsite_copies"
                    + " WHERE app = ? AND backup = ?")) {
                ps.setString(1, app);
                ps.setString(2, backup);
                return read(ps).stream().findFirst();
            }
        });
    }

    @Override
    public void copying(String app, String backup, String key, long herokuBytes, Instant at) {
        upsert("record the copy of " + backup + " as started", app, backup, at,
                "object_key = ?, state = 'COPYING', heroku_bytes = ?, stored_bytes = NULL, sha256 = NULL,"
                        + " updated_at = ?", ps -> {
                    ps.setString(1, key);
                    ps.setLong(2, herokuBytes);
                    Jdbc.setTime(ps, 3, Optional.of(at));
                    return 4;
                });
    }

    @Override
    public void copied(String app, String backup, String key, long bytes, String sha256, Instant at) {
        upsert("record the copy of " + backup, app, backup, at,
                "object_key = ?, state = 'COPIED', stored_bytes = ?, sha256 = ?, failures = 0, reason = NULL,"
                        + " updated_at = ?, copied_at = ?", ps -> {
                    ps.setString(1, key);
                    ps.setLong(2, bytes);
                    ps.setString(3, sha256);
                    Jdbc.setTime(ps, 4, Optional.of(at));
                    Jdbc.setTime(ps, 5, Optional.of(at));
                    return 6;
                });
    }

    @Override
    public int failed(String app, String backup, String key, String reason, Instant at) {
        String cut = reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX - 1) + "…" : reason;
        upsert("record the failed copy of " + backup, app, backup, at,
                "object_key = ?, state = 'FAILED', failures = failures + 1, reason = ?, updated_at = ?", ps -> {
                    ps.setString(1, key);
                    ps.setString(2, cut);
                    Jdbc.setTime(ps, 3, Optional.of(at));
                    return 4;
                });
        return find(app, backup).map(CopyRecord::failures).orElse(1);
    }

    @Override
    public void deleted(String app, String backup, Instant at) {
        upsert("record the copy of " + backup + " as deleted", app, backup, at,
                "state = 'DELETED', updated_at = ?", ps -> {
                    Jdbc.setTime(ps, 1, Optional.of(at));
                    return 2;
                });
    }

    /** Sets the first parameters of the SET clause; returns the index of the next one. */
    @FunctionalInterface
    private interface Setter {
        int set(PreparedStatement ps) throws SQLException;
    }

    private void upsert(String what, String app, String backup, Instant at, String set, Setter setter) {
        jdbc.inTransaction(what, c -> {
            if (update(c, app, backup, set, setter) == 1) {
                return null;
            }
            try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO offsite_copies (app, backup, object_key, state,"
                    + " failures, updated_at) VALUES (?, ?, '', 'COPYING', 0, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, app);
                ps.setString(2, backup);
                Jdbc.setTime(ps, 3, Optional.of(at));
                ps.executeUpdate();
            }
            if (update(c, app, backup, set, setter) != 1) {
                throw new SQLException("no row for " + backup + " after insert", "02000");
            }
            return null;
        });
    }

    private static int update(Connection c, String app, String backup, String set, Setter setter)
            throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE offsite_copies SET " + set
                + " WHERE app = ? AND backup = ?")) {
            int next = setter.set(ps);
            ps.setString(next, app);
            ps.setString(next + 1, backup);
            return ps.executeUpdate();
        }
    }

    private static List<CopyRecord> read(PreparedStatement ps) throws SQLException {
        List<CopyRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CopyRecord(rs.getString("app"), rs.getString("backup"), rs.getString("object_key"),
                        CopyRecord.State.valueOf(rs.getString("state")), optionalLong(rs, "heroku_bytes"),
                        optionalLong(rs, "stored_bytes"), Optional.ofNullable(rs.getString("sha256")),
                        rs.getInt("failures"), Optional.ofNullable(rs.getString("reason")),
                        Jdbc.time(rs, "updated_at").orElseThrow(), Jdbc.time(rs, "copied_at")));
            }
        }
        return out;
    }

    private static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
