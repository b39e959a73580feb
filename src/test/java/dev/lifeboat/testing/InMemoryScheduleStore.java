package dev.lifeboat.testing;

import dev.lifeboat.schedule.JobRecord;
import dev.lifeboat.schedule.JobResult;
import dev.lifeboat.schedule.ScheduleStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ScheduleStore} in memory, with the store's rules (a claim moves the due time forward, once). */
public final class InMemoryScheduleStore implements ScheduleStore {
    private final Map<String, JobRecord> rows = new HashMap<>();

    @Override
    public synchronized Optional<JobRecord> last(String job) {
        return Optional.ofNullable(rows.get(job));
    }

    @Override
    public synchronized void start(String job, Instant due, String owner) {
        rows.putIfAbsent(job, new JobRecord(job, due, Optional.empty(), Optional.empty(), JobRecord.NEVER, "",
                Optional.empty(), owner));
    }

    @Override
    public synchronized boolean claim(String job, Instant due, Instant at, String owner) {
        JobRecord row = rows.get(job);
        if (row == null || !row.due().isBefore(due)) {
            return false;
        }
        rows.put(job, new JobRecord(job, due, Optional.of(at), Optional.empty(), JobRecord.RUNNING, "",
                Optional.empty(), owner));
        return true;
    }

    @Override
    public synchronized void finish(String job, Instant due, Instant at, JobResult result) {
        JobRecord row = rows.get(job);
        if (row != null && row.due().equals(due)) {
            rows.put(job, new JobRecord(job, due, row.startedAt(), Optional.of(at), result.outcome().name(),
                    result.detail(), result.runId(), row.owner()));
        }
    }
}
