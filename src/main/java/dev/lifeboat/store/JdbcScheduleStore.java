package dev.lifeboat.store;

import dev.lifeboat.schedule.JobRecord;
import dev.lifeboat.schedule.JobResult;
import dev.lifeboat.schedule.ScheduleStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link ScheduleStore} in the {@code scheduled_jobs} table: one row per job. A claim is one conditional update
 * ({@code WHERE job = ? AND due_at < ?}), so of several instances claiming one due time exactly one changes the row,
 * on H2 and PostgreSQL alike; the first row of a job is an insert that ignores a conflict.
 */
public final class JdbcScheduleStore implements ScheduleStore {
    /** What the detail column holds at most; longer details are cut. */
    static final int MAX_DETAIL = 2000;

    private final Jdbc jdbc;

    public JdbcScheduleStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<JobRecord> last(String job) {
        return jdbc.withConnection("read the " + job + " job", c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT job, due_at, started_at, finished_at, state, detail,"
                    + " run_id, owner FROM scheduled_jobs WHERE job = ?")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new JobRecord(rs.getString("job"), Jdbc.time(rs, "due_at").orElseThrow(),
                            Jdbc.time(rs, "started_at"), Jdbc.time(rs, "finished_at"), rs.getString("state"),
                            rs.getString("detail"), Optional.ofNullable(rs.getString("run_id")), rs.getString("owner")));
                }
            }
        });
    }

    @Override
    public void start(String job, Instant due, String owner) {
        jdbc.withConnection("start the " + job + " job", c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "INSERT INTO scheduled_jobs (job, due_at, state, detail, owner)"
                    + " VALUES (?, ?, ?, '', ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, job);
                Jdbc.setTime(ps, 2, Optional.of(due));
                ps.setString(3, JobRecord.NEVER);
                ps.setString(4, owner);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean claim(String job, Instant due, Instant at, String owner) {
        return jdbc.withConnection("claim the " + job + " job", c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE scheduled_jobs SET due_at = ?, started_at = ?,"
                    + " finished_at = NULL, state = ?, detail = '', run_id = NULL, owner = ?"
                    + " WHERE job = ? AND due_at < ?")) {
                Jdbc.setTime(ps, 1, Optional.of(due));
                Jdbc.setTime(ps, 2, Optional.of(at));
                ps.setString(3, JobRecord.RUNNING);
                ps.setString(4, owner);
                ps.setString(5, job);
                Jdbc.setTime(ps, 6, Optional.of(due));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void finish(String job, Instant due, Instant at, JobResult result) {
        String detail = result.detail().length() > MAX_DETAIL ? result.detail().substring(0, MAX_DETAIL - 1) + "…"
                : result.detail();
        jdbc.withConnection("finish the " + job + " job", c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "UPDATE scheduled_jobs SET finished_at = ?, state = ?,"
                    + " detail = ?, run_id = ? WHERE job = ? AND due_at = ?")) {
                Jdbc.setTime(ps, 1, Optional.of(at));
                ps.setString(2, result.outcome().name());
                ps.setString(3, detail);
                ps.setString(4, result.runId().orElse(null));
                ps.setString(5, job);
                Jdbc.setTime(ps, 6, Optional.of(due));
                return ps.executeUpdate();
            }
        });
    }
}
