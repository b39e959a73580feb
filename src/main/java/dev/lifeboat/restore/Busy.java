package dev.lifeboat.restore;

import dev.lifeboat.app.AppRuns;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.StepRecord;
import java.util.Locale;
import java.util.Optional;

/**
 * One run at a time per database: a new restore or drill is refused while another holds it, or while a change to the
 * app itself (maintenance, restart, rollback: {@link AppRuns}) runs, naming that run.
 */
final class Busy {
    private Busy() {
    }

    static Optional<Reply> refusal(RunStore store, String app) {
        String target = RestorePlan.lockTarget(app);
        return store.unfinished().stream()
                .filter(run -> run.target().equals(target) || run.target().equals(AppRuns.lockTarget(app))).findFirst()
                .map(run -> Reply.text(":no_entry: Run `" + run.id() + "` (" + run.title() + ", requested by "
                        + who(run.requestedBy()) + ") is already working on " + app
                        + (run.target().equals(target) ? "'s database: " : ": ") + where(run)
                        + ". One restore at a time: wait for it to end, or stop it with `/dr cancel " + run.id() + "`."));
    }

    private static String where(Run run) {
        if (run.state() == RunState.WAITING_FOR_APPROVAL) {
            return "it waits for a second operator's approval";
        }
        return run.current().map(StepRecord::title).map(step -> "now at " + step)
                .orElse(run.state().name().toLowerCase(Locale.ROOT));
    }

    private static String who(String actorId) {
        return actorId.startsWith("console:") ? actorId.substring("console:".length()) + " (console)" : "<@" + actorId + ">";
    }
}
