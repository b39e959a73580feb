package dev.lifeboat.schedule;

import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.leader.LeaderTask;
import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ScheduledJob}s: a {@link LeaderTask}, so only the leader instance ticks, every {@link #TICK}. At
 * each tick a job whose newest due time is later than its last run's is claimed in the store (one conditional
 * update: of two instances that both think they lead, one wins) and run. Only the newest due time counts, so a job
 * whose due times passed while Lifeboat was down runs once at the next tick, not once per missed period. A job seen
 * for the first time starts counting from now: its first run is its next due time.
 */
@Singleton
public final class Scheduler implements LeaderTask {
    /** Who the schedule's runs and audit entries are by. */
    public static final String ACTOR = "schedule";
    public static final Duration TICK = Duration.ofSeconds(30);
    /** A run starting this long after its due time is a catch-up, and says so. */
    static final Duration LATE = Duration.ofMinutes(5);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final List<ScheduledJob> jobs;
    private final ScheduleStore store;
    private final Clock clock;
    private final String instance;
    private final Announcer announcer;
    private final AuditLog audit;

    @Inject
    public Scheduler(Set<ScheduledJob> jobs, ScheduleStore store, Clock clock, Instance instance, Announcer announcer,
                     AuditLog audit) {
        List<ScheduledJob> sorted = new ArrayList<>(jobs);
        sorted.sort(Comparator.comparing(ScheduledJob::name));
        this.jobs = List.copyOf(sorted);
        this.store = store;
        this.clock = clock;
        this.instance = instance.name();
        this.announcer = announcer;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public Duration every() {
        return TICK;
    }

    @Override
    public void run() {
        tick();
    }

    /** Every job, alphabetically. */
    public List<ScheduledJob> jobs() {
        return jobs;
    }

    /** One tick: runs each job that is due and not yet run (here or elsewhere) for that due time; the names it ran. */
    public List<String> tick() {
        List<String> ran = new ArrayList<>();
        for (ScheduledJob job : jobs) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                if (tick(job)) {
                    ran.add(job.name());
                }
            } catch (RuntimeException e) {
                // The store did not answer: nothing was claimed, so the next tick tries again.
                log.warn("event=schedule_tick_failed job={} error=\"{}\"", job.name(), e.getClass().getSimpleName());
            }
        }
        return ran;
    }

    private boolean tick(ScheduledJob job) {
        Instant now = clock.instant();
        Instant due = job.cadence().latestAtOrBefore(now);
        Optional<JobRecord> last = store.last(job.name());
        if (last.isEmpty()) {
            store.start(job.name(), due, instance);
            log.info("event=schedule_started job={} first_run=\"{}\"", job.name(), WHEN.format(job.cadence().nextAfter(now)));
            return false;
        }
        if (!last.get().due().isBefore(due) || !store.claim(job.name(), due, now, instance)) {
            return false;
        }
        boolean late = Duration.between(due, now).compareTo(LATE) > 0;
        log.info("event=schedule_job_started job={} due=\"{}\" late={} instance={}", job.name(), due, late, instance);
        JobResult result = runOnce(job, due);
        if (late) {
            result = new JobResult(result.outcome(), "Caught up: due " + WHEN.format(due)
                    + ", when Lifeboat was not running. " + result.detail(), result.runId());
        }
        Instant end = clock.instant();
        try {
            store.finish(job.name(), due, end, result);
        } catch (RuntimeException e) {
            log.warn("event=schedule_job_not_recorded job={} error=\"{}\"", job.name(), e.getClass().getSimpleName());
        }
        log.info("event=schedule_job_done job={} outcome={} run={}", job.name(), result.outcome(),
                result.runId().orElse("-"));
        record(job, end, result);
        if (result.outcome() == JobResult.Outcome.FAILED) {
            announcer.announce(Reply.builder("Scheduled job " + job.name() + " failed")
                    .section(":x: *The scheduled " + job.name() + " job failed* (" + job.purpose() + "): "
                            + result.detail())
                    .context("Due " + WHEN.format(due) + " · `/dr schedule` shows every job").build());
        }
        return true;
    }

    private JobResult runOnce(ScheduledJob job, Instant due) {
        try {
            JobResult result = job.run(due);
            return result == null ? JobResult.failed("the job said nothing") : result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JobResult.failed("interrupted: Lifeboat was stopping");
        } catch (Exception e) {
            if (Problems.words(e).startsWith("an unexpected error")) {
                log.error("event=schedule_job_error job={}", job.name(), e);
            }
            return JobResult.failed(Problems.words(e));
        }
    }

    private void record(ScheduledJob job, Instant at, JobResult result) {
        try {
            audit.append(new AuditEntry(at, ACTOR, "Lifeboat schedule", "schedule", Optional.empty(),
                    "schedule " + job.name(), result.outcome().name().toLowerCase(Locale.ROOT),
                    Optional.of(Problems.line(result.detail(), 500)),
                    result.runId().orElse("job-" + job.name() + "-" + at.getEpochSecond())));
        } catch (RuntimeException e) {
            log.warn("event=audit_write_failed job={} error=\"{}\"", job.name(), e.getClass().getSimpleName());
        }
    }
}
