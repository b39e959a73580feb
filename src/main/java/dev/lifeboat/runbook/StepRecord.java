package dev.lifeboat.runbook;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One step of a run as persisted.
 *
 * @param id         the step's stable key
 * @param title      what a person reads
 * @param state      where it stands
 * @param detail     the latest progress, the result, or why it failed or was skipped ("" when none)
 * @param attempts   how many times it was started (retries and resumes included)
 * @param startedAt  when it first started
 * @param finishedAt when it ended
 * @param records    what it started and recorded (e.g. {@code transfer=…})
 */
public record StepRecord(String id, String title, StepState state, String detail, int attempts,
                         Optional<Instant> startedAt, Optional<Instant> finishedAt, Map<String, String> records) {
    public StepRecord {
        detail = detail == null ? "" : detail;
        records = Map.copyOf(new TreeMap<>(records));
    }

    public static StepRecord pending(String id, String title) {
        return new StepRecord(id, title, StepState.PENDING, "", 0, Optional.empty(), Optional.empty(), Map.of());
    }

    public StepRecord withState(StepState newState, String newDetail) {
        return new StepRecord(id, title, newState, newDetail, attempts, startedAt, finishedAt, records);
    }

    public StepRecord started(Instant at) {
        return new StepRecord(id, title, StepState.RUNNING, detail, attempts + 1,
                Optional.of(startedAt.orElse(at)), Optional.empty(), records);
    }

    public StepRecord finished(StepState endState, String endDetail, Instant at) {
        return new StepRecord(id, title, endState, endDetail, attempts, startedAt, Optional.of(at), records);
    }

    public StepRecord withRecord(String key, String value) {
        Map<String, String> more = new TreeMap<>(records);
        more.put(key, value);
        return new StepRecord(id, title, state, detail, attempts, startedAt, finishedAt, more);
    }

    /** How long the step took, or has been running at {@code now}. */
    public Optional<Duration> duration(Instant now) {
        return startedAt.map(start -> Duration.between(start, finishedAt.orElse(now)));
    }
}
