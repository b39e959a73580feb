package dev.lifeboat.restore;

import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The private card a restore or a drill answers first: what will be read, what will be replaced, what will be lost,
 * what is done first, every step, and the buttons. Nothing changes before a click. Pure.
 */
final class ConfirmationCard {
    private ConfirmationCard() {
    }

    static Reply restore(Run run, RestorePlan plan, SourceResolver.Resolved source, PostgresAddon addon,
                         boolean stagingAvailable, int approvals, Instant now) {
        String header = plan.production() ? "Restore production (" + plan.app() + ") from " + plan.source().label() + "?"
                : "Restore staging (" + plan.app() + ") from " + plan.source().label() + "?";
        Reply.Builder card = Reply.builder(header).header(header);
        card.fields(List.of(
                "*Source*\n" + source.description(),
                "*Target*\n" + plan.app() + " (" + plan.target().word() + ")\ndatabase " + addon.name(),
                "*Lost*\n" + lost(plan.app(), source.dataAsOf(), now),
                "*First*\na safety backup of " + plan.app() + "'s database" + (plan.production()
                        ? ", with maintenance mode on" : "")));
        card.section("*Steps*\n" + steps(run));
        List<Button> buttons = new ArrayList<>();
        String confirm = "confirm " + run.id();
        if (plan.production()) {
            String approvalNote = approvals > 1 ? " After you confirm, a second operator must approve it: `/dr approve "
                    + run.id() + "`." : "";
            card.section(":warning: This replaces the production data of *" + plan.app() + "*. To go ahead, click "
                    + "*Restore production* and type `" + plan.app() + "`, or run `/dr " + confirm + " " + plan.app()
                    + "`." + approvalNote);
            if (stagingAvailable && source.signedUrl().isEmpty()) {
                buttons.add(new Button("Restore to staging first", "restore " + plan.source().label() + " to staging",
                        Button.Style.PRIMARY));
            }
            buttons.add(Button.typed("Restore production", confirm, Button.Style.DANGER, plan.app()));
        } else {
            card.section("Staging only: no maintenance mode, no restart, no second approval. To go ahead, click "
                    + "*Restore staging* or run `/dr " + confirm + "`.");
            buttons.add(new Button("Restore staging", confirm, Button.Style.PRIMARY));
        }
        buttons.add(new Button("Cancel", "cancel " + run.id(), Button.Style.DEFAULT));
        card.buttons(buttons);
        card.context(footer(run));
        return card.build();
    }

    static Reply drill(Run run, RestorePlan plan, SourceResolver.Resolved backup, Optional<SourceResolver.Resolved> copy,
                       PostgresAddon addon, String whyNoCopy, Instant now) {
        String header = "Restore drill into staging (" + plan.app() + ")?";
        Reply.Builder card = Reply.builder(header).header(header);
        card.fields(List.of(
                "*Backup*\n" + backup.description(),
                "*Offsite copy*\n" + copy.map(SourceResolver.Resolved::description).orElse(whyNoCopy),
                "*Target*\n" + plan.app() + " (staging)\ndatabase " + addon.name(),
                "*Production*\nnot touched: the drill reads its backups and writes only to staging"));
        card.section("*Steps*\n" + steps(run));
        card.section("The drill replaces staging's data (a safety backup keeps it) and reports the measured RTO and RPO."
                + " To go ahead, click *Start the drill* or run `/dr confirm " + run.id() + "`.");
        card.buttons(List.of(new Button("Start the drill", "confirm " + run.id(), Button.Style.PRIMARY),
                new Button("Cancel", "cancel " + run.id(), Button.Style.DEFAULT)));
        card.context(footer(run));
        return card.build();
    }

    private static String lost(String app, Optional<Instant> asOf, Instant now) {
        return asOf.map(at -> "everything written to " + app + " since " + Times.utc(at) + " ("
                        + Durations.words(Duration.between(at, now)) + " ago)")
                .orElse("everything written to " + app + " since the dump was made (its age is not known)");
    }

    private static String steps(Run run) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (StepRecord step : run.steps()) {
            out.append(n++).append(". ").append(step.title()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String footer(Run run) {
        return "Run `" + run.id() + "` · nothing changes until you confirm · this card expires in "
                + RunEngine.PROPOSAL_TTL.toMinutes() + " minutes";
    }
}
