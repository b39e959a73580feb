package dev.lifeboat.store;

import dev.lifeboat.leader.LeaderLeases;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link LeaderLeases} in the {@code leases} table. A claim is an insert when the row is missing, else one
 * conditional update ({@code WHERE owner = me OR until_at < now}); the primary key and the row lock make exactly one
 * of several concurrent claimants win, on H2 and PostgreSQL alike.
 */
public final class JdbcLeaderLeases implements LeaderLeases {
    private final Jdbc jdbc;

    public JdbcLeaderLeases(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean hold(String name, String owner, Instant now, Instant until) {
        return jdbc.withConnection("hold the " + name + " lease", c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE leases SET owner = ?, until_at = ?"
                    + " WHERE name = ? AND (owner = ? OR until_at < ?)")) {
                ps.setString(1, owner);
                Jdbc.setTime(ps, 2, Optional.of(until));
                ps.setString(3, name);
                ps.setString(4, owner);
                Jdbc.setTime(ps, 5, Optional.of(now));
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO leases (name, owner, until_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
                ps.setString(1, name);
                ps.setString(2, owner);
                Jdbc.setTime(ps, 3, Optional.of(until));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(String name, String owner) {
        jdbc.update("release the " + name + " lease", "DELETE FROM leases WHERE name = ? AND owner = ?", name, owner);
    }

    @Override
    public Optional<Holder> holder(String name) {
        return jdbc.withConnection("read the " + name + " lease", c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT owner, until_at FROM leases WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Holder(rs.getString(1), Jdbc.time(rs, "until_at").orElseThrow()))
                            : Optional.empty();
                }
            }
        });
    }
}
