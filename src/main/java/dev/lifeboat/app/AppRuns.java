package dev.lifeboat.app;

import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.StepRecord;
import java.util.Locale;
import java.util.Optional;

/**
 * One changing run at a time per app: maintenance, restart and rollback (and a redeploy) hold {@code app:APP}. A
 * production restore, which turns maintenance on and off and restarts the dynos itself, holds the app's database
 * ({@code postgres:APP}) and is waited for too.
 */
public final class AppRuns {
    private AppRuns() {
    }

    /** What an app run holds while it runs. */
    public static String lockTarget(String app) {
        return "app:" + app;
    }

    /** A refusal naming the run already working on the app, when there is one. */
    static Optional<Reply> busy(RunStore store, String app) {
        return store.unfinished().stream()
                .filter(run -> run.target().equals(lockTarget(app)) || run.target().equals("postgres:" + app))
                .findFirst()
                .map(run -> Reply.text(":no_entry: Run `" + run.id() + "` (" + run.title() + ", requested by "
                        + who(run.requestedBy()) + ") is already working on " + app + ": " + where(run)
                        + ". One change to the app at a time: wait for it to end, or stop it with `/dr cancel "
                        + run.id() + "`. Nothing was changed."));
    }

    private static String where(Run run) {
        if (run.state() == RunState.WAITING_FOR_APPROVAL) {
            return "it waits for a second operator's approval";
        }
        return run.current().map(StepRecord::title).map(step -> "now at " + step)
                .orElse(run.state().name().toLowerCase(Locale.ROOT));
    }

    static String who(String actorId) {
        return actorId.startsWith("console:") ? actorId.substring("console:".length()) + " (console)"
                : "<@" + actorId + ">";
    }
}
