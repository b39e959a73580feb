package dev.lifeboat.schedule;

import dev.lifeboat.config.ScheduleSettings;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Every month: the restore drill into staging ({@code drill}, proposed and confirmed as the schedule). The run reports
 * itself in the incident channel, its RTO and RPO at the end; {@link ScheduledRunWatch} announces it as a problem
 * when it fails. A drill that cannot start is this job's failure, announced by the {@link Scheduler}.
 */
final class MonthlyDrillJob implements ScheduledJob {
    static final String NAME = "monthly";
    static final String DRILL_COMMAND = "drill";

    private final Cadence cadence;
    private final CommandRuns runs;

    @Inject
    MonthlyDrillJob(ScheduleSettings settings, CommandRuns runs) {
        this.cadence = Cadence.monthly(settings.monthlyDay(), settings.monthlyAt());
        this.runs = runs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String purpose() {
        return "the restore drill into staging, with its RTO and RPO";
    }

    @Override
    public Cadence cadence() {
        return cadence;
    }

    @Override
    public JobResult run(Instant due) {
        CommandRuns.Started started = runs.start(DRILL_COMMAND);
        if (started instanceof CommandRuns.Running running) {
            return JobResult.ok("Drill started: " + running.run().title() + " (run " + running.run().id()
                    + "); its RTO and RPO follow in the run's message.").withRun(Optional.of(running.run().id()));
        }
        if (started instanceof CommandRuns.NotStarted not) {
            return JobResult.failed("the drill did not start: " + not.why()).withRun(not.runId());
        }
        return JobResult.failed("the drill is not available in this Lifeboat (no `/dr drill`)");
    }
}
