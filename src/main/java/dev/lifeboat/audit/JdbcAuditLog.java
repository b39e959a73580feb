package dev.lifeboat.audit;

import dev.lifeboat.config.Redact;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The audit log in the state store (H2 or PostgreSQL, same schema). */
@Singleton
public final class JdbcAuditLog implements AuditLog {
    private static final int MAX_TEXT = 1000;

    private final DataSource dataSource;

    @Inject
    public JdbcAuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void append(AuditEntry e) {
        String sql = "INSERT INTO audit_log (at, actor_id, actor_name, surface, channel, command_text, outcome, detail, run_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(e.at()));
            ps.setString(2, limit(e.actorId(), 64));
            ps.setString(3, limit(e.actorName(), 128));
            ps.setString(4, e.surface());
            setOptional(ps, 5, e.channel());
            ps.setString(6, limit(Redact.text(e.commandText()), MAX_TEXT));
            ps.setString(7, e.outcome());
            setOptional(ps, 8, e.detail().map(Redact::text).map(d -> limit(d, MAX_TEXT)));
            ps.setString(9, e.runId());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("could not write the audit log: " + ex.getMessage(), ex);
        }
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        String sql = "SELECT at, actor_id, actor_name, surface, channel, command_text, outcome, detail, run_id"
                + " FROM audit_log ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
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
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read the audit log: " + ex.getMessage(), ex);
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
