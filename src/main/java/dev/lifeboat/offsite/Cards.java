package dev.lifeboat.offsite;

import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.StepRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The private cards the backup commands answer first, and the refusal while another run holds the target. Pure. */
final class Cards {
    private Cards() {
    }

    static Reply card(Run run, String header, List<String> fields, String note, String go) {
        Reply.Builder card = Reply.builder(header).header(header);
        card.fields(fields);
        StringBuilder steps = new StringBuilder();
        int n = 1;
        for (StepRecord step : run.steps()) {
            steps.append(n++).append(". ").append(step.title()).append('\n');
        }
        card.section("*Steps*\n" + steps.toString().stripTrailing());
        card.section(note + " To go ahead, click *" + go + "* or run `/dr confirm " + run.id() + "`.");
        card.buttons(List.of(new Button(go, "confirm " + run.id(), Button.Style.PRIMARY),
                new Button("Cancel", "cancel " + run.id(), Button.Style.DEFAULT)));
        card.context("Run `" + run.id() + "` · nothing changes until you confirm · this card expires in "
                + RunEngine.PROPOSAL_TTL.toMinutes() + " minutes");
        return card.build();
    }

    /** A refusal naming the run that already holds {@code target}, or empty. */
    static Optional<Reply> busy(RunStore store, String target, String what) {
        return store.unfinished().stream().filter(run -> run.target().equals(target)).findFirst()
                .map(run -> Reply.text(":no_entry: Run `" + run.id() + "` (" + run.title() + ", requested by "
                        + who(run.requestedBy()) + ") is already working on " + what + ": " + where(run)
                        + ". Wait for it to end, or stop it with `/dr cancel " + run.id() + "`."));
    }

    private static String where(Run run) {
        if (run.state() == RunState.PROPOSED) {
            return "it waits for its confirmation";
        }
        return run.current().map(StepRecord::title).map(step -> "now at " + step)
                .orElse(run.state().name().toLowerCase(Locale.ROOT));
    }

    private static String who(String actorId) {
        return actorId.startsWith("console:") ? actorId.substring("console:".length()) + " (console)"
                : "<@" + actorId + ">";
    }
}
