package dev.lifeboat.store;

import dev.lifeboat.incident.IncidentRecord;
import dev.lifeboat.incident.IncidentStore;
import dev.lifeboat.incident.TimelineEntry;
import dev.lifeboat.statuspage.IncidentStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Incidents in the state store ({@code V30__incidents.sql}, the same SQL on H2 and PostgreSQL). Every call is one
 * short transaction. An entry is numbered by bumping {@code incidents.version} first, so the row lock orders
 * concurrent appends; the primary key of {@code incident_locks} keeps one open incident per service. Texts are never
 * logged nor put in error messages (errors name the incident and the SQLState).
 */
final class JdbcIncidentStore implements IncidentStore {
    private static final String COLUMNS = "i.id, i.service, i.state, i.summary, i.message, i.status, i.opened_by_id,"
            + " i.opened_by, i.created_at, i.opened_at, i.resolved_at, i.last_update_at, i.reminded_at, i.version,"
            + " i.slack_channel, i.slack_ts, i.slack_version, i.page_incident_id, i.page_error";

    private final Jdbc jdbc;

    JdbcIncidentStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void createDraft(IncidentRecord d) {
        jdbc.withConnection("create incident " + d.id(), c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO incidents (id, service, state, summary, message,"
                    + " status, opened_by_id, opened_by, created_at, version, slack_version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)")) {
                ps.setString(1, d.id());
                ps.setString(2, d.service());
                ps.setString(3, d.phase().name());
                ps.setString(4, d.summary());
                ps.setString(5, d.message());
                ps.setString(6, d.status().json());
                ps.setString(7, d.openedById());
                ps.setString(8, d.openedBy());
                Jdbc.setTime(ps, 9, Optional.of(d.createdAt()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<IncidentRecord> find(String id) {
        List<IncidentRecord> found = select("read incident " + id, "SELECT " + COLUMNS + " FROM incidents i WHERE i.id = ?", id);
        return found.stream().findFirst();
    }

    @Override
    public Optional<IncidentRecord> openIn(String service) {
        return select("read the open incident", "SELECT " + COLUMNS + " FROM incidents i JOIN incident_locks l"
                + " ON l.incident_id = i.id WHERE l.service = ? AND i.state = 'OPEN'", service).stream().findFirst();
    }

    @Override
    public List<IncidentRecord> open() {
        return select("list the open incidents", "SELECT " + COLUMNS + " FROM incidents i WHERE i.state = 'OPEN'"
                + " ORDER BY i.opened_at");
    }

    @Override
    public List<IncidentRecord> owing() {
        return select("list incidents owing announcements", "SELECT " + COLUMNS + " FROM incidents i"
                + " WHERE i.state IN ('OPEN', 'RESOLVED') AND (i.slack_version < i.version OR EXISTS (SELECT 1 FROM"
                + " incident_events e WHERE e.incident_id = i.id AND (e.page_state = 'PENDING'"
                + " OR e.notice_state = 'PENDING'))) ORDER BY i.created_at");
    }

    @Override
    public boolean editDraft(String id, String message) {
        return jdbc.update("edit incident " + id, "UPDATE incidents SET message = ? WHERE id = ? AND state = 'DRAFT'",
                message, id) == 1;
    }

    @Override
    public boolean discardDraft(String id) {
        return jdbc.update("discard incident " + id, "UPDATE incidents SET state = 'DISCARDED' WHERE id = ?"
                + " AND state = 'DRAFT'", id) == 1;
    }

    @Override
    public Posted post(String id, TimelineEntry.New opened) {
        return jdbc.inTransaction("post incident " + id, c -> {
            String service;
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT service FROM incidents WHERE id = ? AND state = 'DRAFT'")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Posted(false, Optional.empty());
                    }
                    service = rs.getString(1);
                }
            }
            try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO incident_locks (service, incident_id, locked_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, service);
                ps.setString(2, id);
                Jdbc.setTime(ps, 3, Optional.of(opened.at()));
                if (ps.executeUpdate() == 0) {
                    try (PreparedStatement holder = Jdbc.prepare(c, "SELECT incident_id FROM incident_locks WHERE service = ?")) {
                        holder.setString(1, service);
                        try (ResultSet rs = holder.executeQuery()) {
                            return new Posted(false, rs.next() ? Optional.of(rs.getString(1)) : Optional.empty());
                        }
                    }
                }
            }
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE incidents SET state = 'OPEN', opened_at = ?"
                    + " WHERE id = ? AND state = 'DRAFT'")) {
                Jdbc.setTime(ps, 1, Optional.of(opened.at()));
                ps.setString(2, id);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("incident " + id + " changed while being posted", "40001");
                }
            }
            append(c, id, opened);
            return Posted.ok();
        });
    }

    @Override
    public int append(String id, TimelineEntry.New entry) {
        return jdbc.inTransaction("add to incident " + id, c -> append(c, id, entry));
    }

    @Override
    public boolean resolve(String id, TimelineEntry.New resolved) {
        return jdbc.inTransaction("resolve incident " + id, c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE incidents SET state = 'RESOLVED', resolved_at = ?"
                    + " WHERE id = ? AND state = 'OPEN'")) {
                Jdbc.setTime(ps, 1, Optional.of(resolved.at()));
                ps.setString(2, id);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement ps = Jdbc.prepare(c, "DELETE FROM incident_locks WHERE incident_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            append(c, id, resolved);
            return true;
        });
    }

    @Override
    public boolean remind(String id, Optional<Instant> previous, TimelineEntry.New reminder) {
        return jdbc.inTransaction("remind about incident " + id, c -> {
            String sql = "UPDATE incidents SET reminded_at = ? WHERE id = ? AND state = 'OPEN' AND "
                    + (previous.isPresent() ? "reminded_at = ?" : "reminded_at IS NULL");
            try (PreparedStatement ps = Jdbc.prepare(c, sql)) {
                Jdbc.setTime(ps, 1, Optional.of(reminder.at()));
                ps.setString(2, id);
                if (previous.isPresent()) {
                    Jdbc.setTime(ps, 3, previous);
                }
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            append(c, id, reminder);
            return true;
        });
    }

    private static int append(Connection c, String id, TimelineEntry.New e) throws SQLException {
        // Bumping the version first locks the row: concurrent appends are numbered one after the other.
        String sql = e.isUpdate()
                ? "UPDATE incidents SET version = version + 1, status = ?, last_update_at = ? WHERE id = ?"
                : "UPDATE incidents SET version = version + 1 WHERE id = ?";
        try (PreparedStatement ps = Jdbc.prepare(c, sql)) {
            int i = 1;
            if (e.isUpdate()) {
                ps.setString(i++, e.status().json());
                Jdbc.setTime(ps, i++, Optional.of(e.at()));
            }
            ps.setString(i, id);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no incident " + id, "02000");
            }
        }
        int seq;
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT version FROM incidents WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO incident_events (incident_id, seq, at, actor, kind,"
                + " status, text, page_state, notice_state, fallback_sent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, seq);
            Jdbc.setTime(ps, 3, Optional.of(e.at()));
            ps.setString(4, e.actor());
            ps.setString(5, e.kind().name());
            ps.setString(6, e.status().json());
            ps.setString(7, e.text());
            ps.setString(8, (e.forPage() ? TimelineEntry.Delivery.PENDING : TimelineEntry.Delivery.NONE).name());
            ps.setString(9, (e.notice() ? TimelineEntry.Delivery.PENDING : TimelineEntry.Delivery.NONE).name());
            ps.setBoolean(10, false);
            ps.executeUpdate();
        }
        return seq;
    }

    @Override
    public List<TimelineEntry> timeline(String id) {
        return jdbc.withConnection("read the timeline of incident " + id, c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT seq, at, actor, kind, status, text, page_state,"
                    + " notice_state, fallback_sent FROM incident_events WHERE incident_id = ? ORDER BY seq")) {
                ps.setString(1, id);
                List<TimelineEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TimelineEntry(id, rs.getInt("seq"), Jdbc.time(rs, "at").orElseThrow(),
                                rs.getString("actor"), TimelineEntry.Kind.valueOf(rs.getString("kind")),
                                IncidentStatus.fromJson(rs.getString("status")), rs.getString("text"),
                                TimelineEntry.Delivery.valueOf(rs.getString("page_state")),
                                TimelineEntry.Delivery.valueOf(rs.getString("notice_state")),
                                rs.getBoolean("fallback_sent")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void slackPosted(String id, String channel, String ts) {
        jdbc.update("keep the message of incident " + id, "UPDATE incidents SET slack_channel = ?, slack_ts = ?"
                + " WHERE id = ?", channel, ts, id);
    }

    @Override
    public void slackDelivered(String id, int version) {
        jdbc.update("mark incident " + id + " delivered", "UPDATE incidents SET slack_version = ? WHERE id = ?"
                + " AND slack_version < ?", version, id, version);
    }

    @Override
    public void noticeDone(String id, int seq) {
        jdbc.update("mark a notice of incident " + id + " delivered", "UPDATE incident_events SET notice_state = 'DONE'"
                + " WHERE incident_id = ? AND seq = ?", id, seq);
    }

    @Override
    public void fallbackSent(String id, int seq) {
        jdbc.update("mark an entry of incident " + id + " sent to the fallback", "UPDATE incident_events"
                + " SET fallback_sent = TRUE WHERE incident_id = ? AND seq = ?", id, seq);
    }

    @Override
    public void pageCreated(String id, String pageIncidentId) {
        jdbc.update("keep the status-page incident of " + id, "UPDATE incidents SET page_incident_id = ? WHERE id = ?",
                pageIncidentId, id);
    }

    @Override
    public void pageDone(String id, int seq) {
        jdbc.update("mark an entry of incident " + id + " on the status page", "UPDATE incident_events"
                + " SET page_state = 'DONE' WHERE incident_id = ? AND seq = ?", id, seq);
    }

    @Override
    public void pageError(String id, Optional<String> error) {
        jdbc.update("note the status page of incident " + id, "UPDATE incidents SET page_error = ? WHERE id = ?",
                error.map(e -> e.length() > 2000 ? e.substring(0, 2000) : e).orElse(null), id);
    }

    private List<IncidentRecord> select(String what, String sql, String... args) {
        return jdbc.withConnection(what, c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                List<IncidentRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    private static IncidentRecord row(ResultSet rs) throws SQLException {
        return new IncidentRecord(rs.getString("id"), rs.getString("service"),
                IncidentRecord.Phase.valueOf(rs.getString("state")), rs.getString("summary"), rs.getString("message"),
                IncidentStatus.fromJson(rs.getString("status")), rs.getString("opened_by_id"), rs.getString("opened_by"),
                Jdbc.time(rs, "created_at").orElseThrow(), Jdbc.time(rs, "opened_at"), Jdbc.time(rs, "resolved_at"),
                Jdbc.time(rs, "last_update_at"), Jdbc.time(rs, "reminded_at"), rs.getInt("version"),
                Optional.ofNullable(rs.getString("slack_channel")), Optional.ofNullable(rs.getString("slack_ts")),
                rs.getInt("slack_version"), Optional.ofNullable(rs.getString("page_incident_id")),
                Optional.ofNullable(rs.getString("page_error")));
    }
}
