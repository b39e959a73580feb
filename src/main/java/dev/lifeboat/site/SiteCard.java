package dev.lifeboat.site;

import dev.lifeboat.netlify.BuildSettings;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.StepRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The private cards of {@code site restore} and {@code site rebuild}: what is live, what will be, every step. Pure. */
final class SiteCard {
    private SiteCard() {
    }

    static Reply restore(Run run, SitePlan plan, Optional<Deploy> live, Deploy target, Instant now) {
        String header = "Publish an earlier deploy of " + plan.siteName() + "?";
        Reply.Builder card = Reply.builder(header).header(header);
        card.fields(List.of(
                "*Live now*\n" + live.map(d -> DeployText.card(d, now)).orElse("nothing is published"),
                "*Target*\n" + DeployText.card(target, now)));
        card.section("*Steps*\n" + steps(run));
        card.section("Visitors get the target deploy's pages as soon as Netlify publishes it; nothing is rebuilt."
                + live.map(d -> " The deploy live now stays on Netlify: `/dr site restore " + d.id() + "` brings it"
                        + " back.").orElse("")
                + " To go ahead, click *Publish deploy* or run `/dr confirm " + run.id() + "`.");
        card.buttons(List.of(new Button("Publish deploy", "confirm " + run.id(), Button.Style.PRIMARY),
                new Button("Cancel", "cancel " + run.id(), Button.Style.DEFAULT)));
        card.context(footer(run));
        return card.build();
    }

    static Reply rebuild(Run run, SitePlan plan, Site site, Optional<Deploy> live, Instant now) {
        String header = "Rebuild " + plan.siteName() + " from " + plan.branchWords().replace("`", "") + "?";
        Reply.Builder card = Reply.builder(header).header(header);
        BuildSettings build = site.buildSettings();
        String source = build == null || build.repoPath() == null ? "the repository linked on Netlify"
                : build.repoPath() + (build.provider() == null ? "" : " (" + build.provider() + ")");
        card.fields(List.of(
                "*Live now*\n" + live.map(d -> DeployText.card(d, now)).orElse("nothing is published"),
                "*Build*\nthe newest commit of " + plan.branchWords() + "\nfrom " + source));
        card.section("*Steps*\n" + steps(run));
        card.section("Netlify builds the branch's newest commit and publishes it once it is ready; a build that fails"
                + " is never published, so the live deploy keeps serving. To go ahead, click *Rebuild the site* or run"
                + " `/dr confirm " + run.id() + "`.");
        card.buttons(List.of(new Button("Rebuild the site", "confirm " + run.id(), Button.Style.PRIMARY),
                new Button("Cancel", "cancel " + run.id(), Button.Style.DEFAULT)));
        card.context(footer(run));
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

    private static String footer(Run run) {
        return "Run `" + run.id() + "` · nothing changes until you confirm · this card expires in "
                + RunEngine.PROPOSAL_TTL.toMinutes() + " minutes";
    }
}
