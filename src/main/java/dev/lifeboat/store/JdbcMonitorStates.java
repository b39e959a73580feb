package dev.lifeboat.store;

import dev.lifeboat.monitor.MonitorRules;
import dev.lifeboat.monitor.MonitorStates;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link MonitorStates} in the {@code monitor_states} table: one row per watched service, written only by the
 * leader. A save updates the row, or inserts it when missing (and updates it after all if another insert won).
 */
public final class JdbcMonitorStates implements MonitorStates {
    private final Jdbc jdbc;

    public JdbcMonitorStates(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<MonitorRules.Saved> load(String key) {
        return jdbc.withConnection("read the monitor's state", c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT announced, outage_since, last_down_message_at,"
                    + " last_up_message_at, flaps FROM monitor_states WHERE service = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    MonitorRules.Level announced;
                    try {
                        announced = MonitorRules.Level.valueOf(rs.getString("announced"));
                    } catch (IllegalArgumentException e) {
                        announced = MonitorRules.Level.UP;
                    }
                    return Optional.of(new MonitorRules.Saved(announced, Jdbc.time(rs, "outage_since"),
                            Jdbc.time(rs, "last_down_message_at"), Jdbc.time(rs, "last_up_message_at"), rs.getInt("flaps")));
                }
            }
        });
    }

    @Override
    public void save(String key, MonitorRules.Saved saved, Instant at) {
        jdbc.withConnection("save the monitor's state", c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE monitor_states SET announced = ?, outage_since = ?,"
                    + " last_down_message_at = ?, last_up_message_at = ?, flaps = ?, updated_at = ? WHERE service = ?")) {
                bind(ps, saved, at);
                ps.setString(7, key);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO monitor_states (announced, outage_since,"
                    + " last_down_message_at, last_up_message_at, flaps, updated_at, service) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
                bind(ps, saved, at);
                ps.setString(7, key);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE monitor_states SET announced = ?, outage_since = ?,"
                    + " last_down_message_at = ?, last_up_message_at = ?, flaps = ?, updated_at = ? WHERE service = ?")) {
                bind(ps, saved, at);
                ps.setString(7, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, MonitorRules.Saved saved, Instant at) throws java.sql.SQLException {
        ps.setString(1, saved.announced().name());
        Jdbc.setTime(ps, 2, saved.outageSince());
        Jdbc.setTime(ps, 3, saved.lastDownMessage());
        Jdbc.setTime(ps, 4, saved.lastUpMessage());
        ps.setInt(5, saved.flaps());
        Jdbc.setTime(ps, 6, Optional.of(at));
    }
}
