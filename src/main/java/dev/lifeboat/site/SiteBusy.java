package dev.lifeboat.site;

import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.StepRecord;
import java.util.Locale;
import java.util.Optional;

/** One site run at a time: a new restore or rebuild is refused while another holds the site, naming that run. */
final class SiteBusy {
    private SiteBusy() {
    }

    static Optional<Reply> refusal(RunStore store, String siteId, String siteName) {
        String target = SitePlan.lockTarget(siteId);
        return store.unfinished().stream().filter(run -> run.target().equals(target)).findFirst()
                .map(run -> Reply.text(":no_entry: Run `" + run.id() + "` (" + run.title() + ", requested by "
                        + who(run.requestedBy()) + ") is already working on " + siteName + ": " + where(run)
                        + ". One site run at a time: wait for it to end, or stop it with `/dr cancel " + run.id()
                        + "`."));
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
