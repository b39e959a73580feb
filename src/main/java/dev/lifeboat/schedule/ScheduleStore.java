package dev.lifeboat.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Each job's last run, in the state store shared by every instance. The store decides each claim atomically, so a due
 * time runs exactly once even if two instances both believe they lead.
 */
public interface ScheduleStore {
    Optional<JobRecord> last(String job);

    /**
     * The first time a job is seen: records {@code due} (the newest due time already past) as where it starts
     * counting, without running it, so a new installation does not run every job at once. Does nothing when the job
     * already has a row; of several instances doing this at once one row is written.
     */
    void start(String job, Instant due, String owner);

    /**
     * Claims the run for {@code due}: true for exactly one caller, and only when the job's last run was for an
     * earlier due time. Marks it running, started at {@code at}, by {@code owner}.
     */
    boolean claim(String job, Instant due, Instant at, String owner);

    /** Records how the run for {@code due} ended (it must be the job's current claim). */
    void finish(String job, Instant due, Instant at, JobResult result);
}
