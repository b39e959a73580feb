package dev.lifeboat.schedule;

import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunListener;
import dev.lifeboat.runbook.RunState;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run the schedule started (the monthly drill, the daily offsite copy) that ends without succeeding is announced
 * as a problem, apart from the run's own message: nobody asked for it, so nobody is watching it. Told once, by the
 * instance that executed the run's end; posted off the run's thread.
 */
final class ScheduledRunWatch implements RunListener {
    private static final Logger log = LoggerFactory.getLogger(ScheduledRunWatch.class);

    private final Announcer announcer;
    private final ExecutorService executor;

    @Inject
    ScheduledRunWatch(Announcer announcer, @Named("leader") ExecutorService executor) {
        this.announcer = announcer;
        this.executor = executor;
    }

    @Override
    public void changed(Run run, RunEvent event) {
        if (event.kind() != RunEvent.Kind.FINISHED || !Scheduler.ACTOR.equals(run.requestedBy())
                || run.state() == RunState.SUCCEEDED || run.startedAt().isEmpty()) {
            return;
        }
        Reply problem = problem(run);
        try {
            executor.execute(() -> announcer.announce(problem));
        } catch (RejectedExecutionException e) {
            log.warn("event=scheduled_run_problem_not_announced run={} reason=stopping", run.id());
        }
    }

    static Reply problem(Run run) {
        String how = switch (run.state()) {
            case CANCELLED -> "was cancelled";
            case EXPIRED -> "expired";
            default -> "failed";
        };
        String what = run.runbook().equals(MonthlyDrillJob.DRILL_COMMAND)
                ? "The backups may not restore as the plan expects: find out why before you need them."
                : "Find out why, then run it again by hand.";
        return Reply.builder("Problem: the scheduled " + run.runbook() + " " + how)
                .section(":rotating_light: *Problem: the scheduled " + run.runbook().toLowerCase(Locale.ROOT) + " "
                        + how + "* — " + run.title() + " (run `" + run.id() + "`).\n" + Problems.line(run.outcome(), 1500))
                .context(what + " `/dr history " + run.id() + "` tells its story.").build();
    }
}
