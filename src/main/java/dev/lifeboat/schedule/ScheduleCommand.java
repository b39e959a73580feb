package dev.lifeboat.schedule;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.leader.LeaderLeases;
import dev.lifeboat.leader.Leadership;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.status.Ages;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** {@code schedule}: every scheduled job, its cadence, its last run (when, how it went) and its next run. Reads only. */
final class ScheduleCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.reads("schedule", "",
            "the scheduled jobs (daily offsite copy and freshness check, weekly digest, monthly drill): when each "
                    + "last ran, how it went, and when it runs next");

    private final Scheduler scheduler;
    private final ScheduleStore store;
    private final RunStore runs;
    private final LeaderLeases leases;
    private final Clock clock;

    @Inject
    ScheduleCommand(Scheduler scheduler, ScheduleStore store, RunStore runs, LeaderLeases leases, Clock clock) {
        this.scheduler = scheduler;
        this.store = store;
        this.runs = runs;
        this.leases = leases;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        if (!invocation.args().isEmpty()) {
            throw new UsageException("`schedule` takes no arguments.");
        }
        Instant now = clock.instant();
        Reply.Builder reply = Reply.builder("Scheduled jobs").header("Scheduled jobs");
        for (ScheduledJob job : scheduler.jobs()) {
            Instant next = job.cadence().nextAfter(now);
            StringBuilder text = new StringBuilder("*").append(job.name()).append("* — ").append(job.purpose())
                    .append("\nRuns ").append(job.cadence().describe()).append(" · next: ")
                    .append(Scheduler.WHEN.format(next)).append(" (in ").append(Ages.age(Duration.between(now, next)))
                    .append(")\nLast: ").append(last(job, now));
            reply.section(text.toString());
        }
        return reply.context(who(now) + " A run missed while Lifeboat was down is caught up once, at the next start."
                + " Times are UTC: LIFEBOAT_SCHEDULE_DAILY, LIFEBOAT_SCHEDULE_WEEKLY, LIFEBOAT_SCHEDULE_MONTHLY.").build();
    }

    private String last(ScheduledJob job, Instant now) {
        Optional<JobRecord> found = store.last(job.name());
        if (found.isEmpty()) {
            return "never (the schedule has not run yet: it runs while Lifeboat serves)";
        }
        JobRecord r = found.get();
        if (r.neverRan()) {
            return "none yet (scheduled since " + Scheduler.WHEN.format(r.due()) + "; the first run is the next)";
        }
        String started = Scheduler.WHEN.format(r.startedAt().orElseThrow());
        if (r.finishedAt().isEmpty()) {
            return started + " — started by " + r.owner() + ", not finished"
                    + " (still running, or that instance stopped midway)";
        }
        String outcome = switch (r.state()) {
            case "OK" -> ":white_check_mark: ok";
            case "WARNING" -> ":warning: warning";
            case "FAILED" -> ":x: failed";
            default -> r.state().toLowerCase(Locale.ROOT);
        };
        String run = r.runId().flatMap(this::run).map(s -> "\nIts run " + s).orElse("");
        return started + " — " + outcome + ": " + Problems.line(r.detail(), 600) + run;
    }

    private Optional<String> run(String runId) {
        try {
            return runs.find(runId).map(ScheduleCommand::describe);
        } catch (RuntimeException e) {
            return Optional.of("`" + runId + "`: not known (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(Run run) {
        String state = run.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return "`" + run.id() + "` " + state + (run.outcome().isEmpty() ? "" : ": " + Problems.line(run.outcome(), 400));
    }

    private String who(Instant now) {
        try {
            Optional<LeaderLeases.Holder> holder = leases.holder(Leadership.LEASE_NAME);
            if (holder.isPresent() && !holder.get().until().isBefore(now)) {
                return "The leading instance, " + holder.get().owner() + ", runs them.";
            }
        } catch (RuntimeException e) {
            return "Which instance leads is not known (the state store did not answer).";
        }
        return "No instance leads right now: the jobs run only while Lifeboat serves (`./lifeboat serve`).";
    }
}
