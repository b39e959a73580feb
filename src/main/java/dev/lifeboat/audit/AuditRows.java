package dev.lifeboat.audit;

import dev.lifeboat.config.Redact;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The audit tables in SQL (same statements on H2 and PostgreSQL). Every statement is bounded by a query timeout. */
final class AuditRows {
    static final int MAX_TEXT = 1000;
    private static final int WRITE_TIMEOUT_SECONDS = 10;
    private static final int MAX_DEAD_LETTER = 8000;
    private static final String INSERT = "INSERT INTO audit_log"
            + " (at, actor_id, actor_name, surface, channel, command_text, outcome, detail, run_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "SELECT at, actor_id, actor_name, surface, channel, command_text, outcome, detail, run_id"
            + " FROM audit_log";

    private final DataSource dataSource;

    AuditRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Stores every entry in one transaction, or none of them. */
    void insertAll(List<AuditEntry> entries) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setQueryTimeout(WRITE_TIMEOUT_SECONDS);
                for (AuditEntry e : entries) {
                    bind(ps, e);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                rollback(c, e);
                throw e;
            }
        }
    }

    /** Stores one entry in its own transaction, on a connection the caller holds ({@code autoCommit} on). */
    void insertOne(Connection c, AuditEntry entry) throws SQLException {
        c.setAutoCommit(true);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setQueryTimeout(WRITE_TIMEOUT_SECONDS);
            bind(ps, entry);
            ps.executeUpdate();
        }
    }

    /** Puts a refused entry aside, with why; every field as {@code key=value} text, so any value fits. */
    void insertDeadLetter(AuditEntry entry, String reason, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit_dead_letter (put_aside_at, reason, entry) VALUES (?, ?, ?)")) {
            c.setAutoCommit(true);
            ps.setQueryTimeout(WRITE_TIMEOUT_SECONDS);
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, limit(reason, MAX_TEXT));
            ps.setString(3, limit(describe(entry).replace('\u0000', '\uFFFD'), MAX_DEAD_LETTER));
            ps.executeUpdate();
        }
    }

    /** The newest entries (of one actor, when given), newest first, within {@code timeoutSeconds}. */
    List<AuditEntry> recent(Optional<String> actorId, int limit, int timeoutSeconds) throws SQLException {
        String sql = COLUMNS + (actorId.isPresent() ? " WHERE actor_id = ?" : "") + " ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(timeoutSeconds);
            int i = 1;
            if (actorId.isPresent()) {
                ps.setString(i++, actorId.get());
            }
            ps.setInt(i, limit);
            return entries(ps);
        }
    }

    /**
     * One run's entries, oldest first: those under its id, and commands whose text names it as a word
     * ({@code confirm r-7k2m9q acme-prod}). Run ids hold only letters, digits and dashes, so no LIKE wildcard.
     */
    List<AuditEntry> ofRun(String runId, int limit, int timeoutSeconds) throws SQLException {
        String sql = COLUMNS + " WHERE run_id = ? OR command_text LIKE ? OR command_text LIKE ? ORDER BY id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setString(1, runId);
            ps.setString(2, "% " + runId);
            ps.setString(3, "% " + runId + " %");
            ps.setInt(4, limit);
            return entries(ps);
        }
    }

    private static List<AuditEntry> entries(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<AuditEntry> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new AuditEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_id"),
                        rs.getString("actor_name"),
                        rs.getString("surface"),
                        Optional.ofNullable(rs.getString("channel")),
                        rs.getString("command_text"),
                        rs.getString("outcome"),
                        Optional.ofNullable(rs.getString("detail")),
                        rs.getString("run_id")));
            }
            return out;
        }
    }

    /** What is stored: secrets redacted, free text cut to the column size. */
    static AuditEntry clean(AuditEntry e) {
        return new AuditEntry(e.at(), limit(e.actorId(), 64), limit(e.actorName(), 128), e.surface(), e.channel(),
                limit(Redact.text(e.commandText()), MAX_TEXT), e.outcome(),
                e.detail().map(Redact::text).map(d -> limit(d, MAX_TEXT)), e.runId());
    }

    /** Every field of an entry on one line, for the dead letter and the log; the free text is quoted and escaped. */
    static String describe(AuditEntry e) {
        return "at=" + e.at() + " run=" + quote(e.runId()) + " actor_id=" + quote(e.actorId())
                + " actor_name=" + quote(e.actorName()) + " surface=" + quote(e.surface())
                + " channel=" + quote(e.channel().orElse("")) + " outcome=" + quote(e.outcome())
                + " command=" + quote(e.commandText()) + " detail=" + quote(e.detail().orElse(""));
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String clean = Redact.text(value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
        return "\"" + clean + "\"";
    }

    private static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(e.at()));
        ps.setString(2, e.actorId());
        ps.setString(3, e.actorName());
        ps.setString(4, e.surface());
        setOptional(ps, 5, e.channel());
        ps.setString(6, e.commandText());
        ps.setString(7, e.outcome());
        setOptional(ps, 8, e.detail());
        ps.setString(9, e.runId());
    }

    private static void rollback(Connection c, SQLException failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    private static String limit(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
