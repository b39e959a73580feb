package dev.lifeboat.store;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunConflictException;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.StepRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs in the state store (H2 or PostgreSQL, same schema: {@code V10__runs.sql}). Every call is its own short
 * transaction, so several Lifeboat instances may share one PostgreSQL: a state changes only by compare-and-set
 * ({@link #transition}), and the primary key of {@code run_locks} keeps one run per target ({@link #lock}).
 * Parameters and annotations are never logged, nor put in exception messages.
 */
final class JdbcRunStore implements RunStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcRunStore.class);
    /** A lock that keeps changing hands while we look is retried this often before giving up. */
    private static final int LOCK_ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final JsonMaps json = new JsonMaps();
    private final RunRows rows;
    private final Clock clock;

    /** {@code clock} stamps approvals and locks, whose times the interface does not pass. */
    JdbcRunStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.rows = new RunRows(jdbc, json);
        this.clock = clock;
    }

    @Override
    public void create(Run run) {
        jdbc.inTransaction("create run " + run.id(), c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO runs (id, runbook, title, target, params, state,"
                    + " requested_by, cancel_requested_by, created_at, started_at, finished_at, outcome, annotations)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, run.id());
                ps.setString(2, run.runbook());
                ps.setString(3, run.title());
                ps.setString(4, run.target());
                ps.setString(5, json.write(run.params().values()));
                ps.setString(6, run.state().name());
                ps.setString(7, run.requestedBy());
                ps.setString(8, run.cancelRequestedBy().orElse(null));
                Jdbc.setTime(ps, 9, Optional.of(run.createdAt()));
                Jdbc.setTime(ps, 10, run.startedAt());
                Jdbc.setTime(ps, 11, run.finishedAt());
                ps.setString(12, run.outcome());
                ps.setString(13, json.write(run.annotations()));
                ps.executeUpdate();
            }
            int position = 0;
            for (StepRecord step : run.steps()) {
                if (!insertStep(c, run.id(), position++, step)) {
                    throw new IllegalArgumentException("run " + run.id() + " has two steps named " + step.id());
                }
            }
            for (String user : run.approvedBy()) {
                insertApproval(c, run.id(), user, run.createdAt());
            }
            return null;
        });
    }

    @Override
    public Optional<Run> find(String id) {
        return rows.select("WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public boolean transition(String id, RunState from, RunState to, Instant at) {
        boolean starts = to == RunState.RUNNING || to == RunState.WAITING_FOR_APPROVAL;
        return jdbc.withConnection("move run " + id + " to " + to, c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE runs SET state = ?,"
                    + " started_at = COALESCE(started_at, ?), finished_at = COALESCE(?, finished_at)"
                    + " WHERE id = ? AND state = ?")) {
                ps.setString(1, to.name());
                Jdbc.setTime(ps, 2, starts ? Optional.of(at) : Optional.empty());
                Jdbc.setTime(ps, 3, to.finished() ? Optional.of(at) : Optional.empty());
                ps.setString(4, id);
                ps.setString(5, from.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void lock(String target, String runId) {
        jdbc.withConnection("lock " + target + " for run " + runId, c -> {
            for (int attempt = 1; attempt <= LOCK_ATTEMPTS; attempt++) {
                if (insertLock(c, target, runId)) {
                    return null;
                }
                Optional<Holder> holder = holder(c, target);
                if (holder.isEmpty()) {
                    continue; // released between our insert and our look: try again
                }
                String holderId = holder.get().runId();
                if (holderId.equals(runId)) {
                    return null;
                }
                if (holder.get().holds()) {
                    throw new RunConflictException(target, holderId);
                }
                if (takeOver(c, target, holderId, runId)) {
                    log.info("event=run_lock_taken_over target={} run={} stale_run={}", target, runId, holderId);
                    return null;
                }
            }
            throw new IllegalStateException("could not lock " + target + " for run " + runId
                    + ": it kept changing hands (" + LOCK_ATTEMPTS + " tries)");
        });
    }

    @Override
    public void unlock(String target, String runId) {
        jdbc.update("unlock " + target + " for run " + runId,
                "DELETE FROM run_locks WHERE target = ? AND run_id = ?", target, runId);
    }

    /** A step the run did not have yet (a runbook that grew) is added after the others. */
    @Override
    public void saveStep(String runId, StepRecord step) {
        jdbc.inTransaction("save step " + step.id() + " of run " + runId, c -> {
            if (updateStep(c, runId, step) || insertStep(c, runId, nextPosition(c, runId), step)) {
                return null;
            }
            updateStep(c, runId, step); // another writer added it a moment ago: ours is the newer record
            return null;
        });
    }

    /** The same person approving twice (two clicks) counts once. */
    @Override
    public void addApproval(String runId, String userId) {
        jdbc.withConnection("add an approval to run " + runId, c -> {
            insertApproval(c, runId, userId, clock.instant());
            return null;
        });
    }

    /** Keeps the first person who asked: the closing line names who stopped the run. */
    @Override
    public void requestCancel(String runId, String userId) {
        requireOne(runId, jdbc.update("request cancelling run " + runId,
                "UPDATE runs SET cancel_requested_by = COALESCE(cancel_requested_by, ?) WHERE id = ?", userId, runId));
    }

    @Override
    public void outcome(String runId, String outcome) {
        requireOne(runId, jdbc.update("set the outcome of run " + runId,
                "UPDATE runs SET outcome = ? WHERE id = ?", outcome == null ? "" : outcome, runId));
    }

    /** Read, change and write under the row's lock, so two adapters annotating at once both keep their value. */
    @Override
    public void annotate(String runId, String key, String value) {
        jdbc.inTransaction("annotate run " + runId, c -> {
            Map<String, String> annotations;
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT annotations FROM runs WHERE id = ? FOR UPDATE")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw noRun(runId);
                    }
                    annotations = new TreeMap<>(json.read(rs.getString(1)));
                }
            }
            annotations.put(key, value);
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE runs SET annotations = ? WHERE id = ?")) {
                ps.setString(1, json.write(annotations));
                ps.setString(2, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean lease(String runId, String owner, Instant now, Instant until) {
        return jdbc.withConnection("lease run " + runId, c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE runs SET lease_owner = ?, lease_until = ?"
                    + " WHERE id = ? AND state = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")) {
                ps.setString(1, owner);
                Jdbc.setTime(ps, 2, Optional.of(until));
                ps.setString(3, runId);
                ps.setString(4, RunState.RUNNING.name());
                ps.setString(5, owner);
                Jdbc.setTime(ps, 6, Optional.of(now));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void releaseLease(String runId, String owner) {
        jdbc.update("release the lease on run " + runId,
                "UPDATE runs SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?", runId, owner);
    }

    @Override
    public List<Run> unfinished() {
        return rows.select("WHERE state IN (?, ?) ORDER BY created_at, id",
                RunState.RUNNING.name(), RunState.WAITING_FOR_APPROVAL.name());
    }

    @Override
    public List<Run> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return rows.select("ORDER BY created_at DESC, id DESC LIMIT ?", limit);
    }

    /** Inserts the lock row; false when the target already has one (the primary key decides, on any instance). */
    private boolean insertLock(Connection c, String target, String runId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO run_locks (target, run_id, locked_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, target);
            ps.setString(2, runId);
            Jdbc.setTime(ps, 3, Optional.of(clock.instant()));
            return ps.executeUpdate() == 1;
        }
    }

    /** Who holds {@code target}, and whether that run still holds it (a missing or finished run does not). */
    private static Optional<Holder> holder(Connection c, String target) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT l.run_id, r.state FROM run_locks l"
                + " LEFT JOIN runs r ON r.id = l.run_id WHERE l.target = ?")) {
            ps.setString(1, target);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String state = rs.getString(2);
                return Optional.of(new Holder(rs.getString(1), state != null && !RunState.valueOf(state).finished()));
            }
        }
    }

    /** Replaces a stale holder; of several racing for it, exactly one sees its update count be 1. */
    private boolean takeOver(Connection c, String target, String staleRunId, String runId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c,
                "UPDATE run_locks SET run_id = ?, locked_at = ? WHERE target = ? AND run_id = ?")) {
            ps.setString(1, runId);
            Jdbc.setTime(ps, 2, Optional.of(clock.instant()));
            ps.setString(3, target);
            ps.setString(4, staleRunId);
            return ps.executeUpdate() == 1;
        }
    }

    private boolean updateStep(Connection c, String runId, StepRecord step) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE run_steps SET title = ?, state = ?, detail = ?,"
                + " attempts = ?, started_at = ?, finished_at = ?, records = ? WHERE run_id = ? AND step_id = ?")) {
            ps.setString(1, step.title());
            ps.setString(2, step.state().name());
            ps.setString(3, step.detail());
            ps.setInt(4, step.attempts());
            Jdbc.setTime(ps, 5, step.startedAt());
            Jdbc.setTime(ps, 6, step.finishedAt());
            ps.setString(7, json.write(step.records()));
            ps.setString(8, runId);
            ps.setString(9, step.id());
            return ps.executeUpdate() == 1;
        }
    }

    /** Inserts a step; false when the run already has a step with its id. */
    private boolean insertStep(Connection c, String runId, int position, StepRecord step) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO run_steps (run_id, position, step_id, title, state,"
                + " detail, attempts, started_at, finished_at, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, runId);
            ps.setInt(2, position);
            ps.setString(3, step.id());
            ps.setString(4, step.title());
            ps.setString(5, step.state().name());
            ps.setString(6, step.detail());
            ps.setInt(7, step.attempts());
            Jdbc.setTime(ps, 8, step.startedAt());
            Jdbc.setTime(ps, 9, step.finishedAt());
            ps.setString(10, json.write(step.records()));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Jdbc.FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw noRun(runId);
            }
            throw e;
        }
    }

    private static int nextPosition(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT COALESCE(MAX(position) + 1, 0) FROM run_steps WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void insertApproval(Connection c, String runId, String userId, Instant at) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO run_approvals (run_id, user_id, at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, runId);
            ps.setString(2, userId);
            Jdbc.setTime(ps, 3, Optional.of(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Jdbc.FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw noRun(runId);
            }
            throw e;
        }
    }

    private static void requireOne(String runId, int updated) {
        if (updated != 1) {
            throw noRun(runId);
        }
    }

    private static IllegalStateException noRun(String runId) {
        return new IllegalStateException("there is no run " + runId + " in the state store");
    }

    /** The run holding a target, and whether it still holds it. */
    private record Holder(String runId, boolean holds) {
    }
}
