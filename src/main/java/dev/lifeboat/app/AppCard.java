package dev.lifeboat.app;

import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.StepRecord;
import java.util.List;

/**
 * The private card an app command answers first: what runs now, what will change, every step, and the buttons.
 * Nothing changes before a click. Pure.
 */
final class AppCard {
    private AppCard() {
    }

    /**
     * @param header  the question, e.g. "Turn maintenance mode on for acme-prod?"
     * @param fields  label/value pairs, e.g. "*Now*\noff: the app serves"
     * @param warning what a person must know before they click (may be empty)
     * @param go      the confirm button's label, e.g. "Turn maintenance on"
     */
    static Reply of(Run run, String header, List<String> fields, String warning, String go, Button.Style style) {
        Reply.Builder card = Reply.builder(header).header(header);
        card.fields(fields);
        card.section("*Steps*\n" + steps(run));
        card.section((warning.isEmpty() ? "" : warning + " ") + "To go ahead, click *" + go + "* or run `/dr confirm "
                + run.id() + "`.");
        card.buttons(List.of(new Button(go, "confirm " + run.id(), style),
                new Button("Cancel", "cancel " + run.id(), Button.Style.DEFAULT)));
        card.context("Run `" + run.id() + "` · nothing changes until you confirm · this card expires in "
                + RunEngine.PROPOSAL_TTL.toMinutes() + " minutes");
        return card.build();
    }

    private static String steps(Run run) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (StepRecord step : run.steps()) {
            out.append(n++).append(". ").append(step.title()).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
