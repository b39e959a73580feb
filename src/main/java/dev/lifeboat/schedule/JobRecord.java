package dev.lifeboat.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * A job's last run as the store keeps it: one row per job.
 *
 * @param job        the job's name
 * @param due        the due time it ran for (or, before its first run, the due time it started counting from)
 * @param startedAt  when it started; empty before the first run
 * @param finishedAt when it ended; empty while running, or when the instance running it stopped midway
 * @param state      {@code NEVER} (not run yet), {@code RUNNING}, or the {@link JobResult.Outcome}'s name
 * @param detail     what it said
 * @param runId      the runbook run it started, if any
 * @param owner      the instance that ran it
 */
public record JobRecord(String job, Instant due, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                        String state, String detail, Optional<String> runId, String owner) {
    public static final String NEVER = "NEVER";
    public static final String RUNNING = "RUNNING";

    public boolean neverRan() {
        return startedAt.isEmpty();
    }
}
