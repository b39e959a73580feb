package dev.lifeboat.redeploy;

import dev.lifeboat.github.Commit;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The private card a redeploy answers first: the commit that will be built (sha, message, author, age) beside what
 * runs now (the release, its commit when Heroku knows it), every step, and the buttons. Nothing changes before a
 * click. Pure.
 */
final class RedeployCard {
    private RedeployCard() {
    }

    static Reply card(Run run, RedeployPlan plan, Commit commit, Release current, Optional<String> runningCommit,
                      String commitNote, Instant now) {
        String header = "Redeploy " + plan.app() + " from " + plan.ref() + "?";
        Reply.Builder card = Reply.builder(header).header(header);
        String authored = commit.authoredAt().map(at -> ", " + ago(at, now)).orElse("");
        String running = runningCommit.map(sha -> "commit `" + shortSha(sha) + "`").orElse(commitNote);
        card.fields(List.of(
                "*Deploys*\n`" + commit.shortSha() + "` " + commit.subject() + "\nby " + commit.authorName() + authored
                        + "\n" + plan.repo() + " `" + plan.ref() + "`",
                "*Runs now*\n" + current.label() + " · " + current.description() + "\n" + ago(current.createdAt(), now)
                        + " by " + current.userEmail() + "\n" + running));
        if (runningCommit.map(commit.sha()::equals).orElse(false)) {
            card.section("The same commit runs now: this builds it again from source (a fresh slug, the same code).");
        }
        card.section("*Steps*\n" + steps(run));
        card.section(current.label() + " keeps serving until the new release passes its release phase. To go ahead, "
                + "click *Redeploy* or run `/dr confirm " + run.id() + "`.");
        card.buttons(List.of(new Button("Redeploy", "confirm " + run.id(), Button.Style.PRIMARY),
                new Button("Cancel", "cancel " + run.id(), Button.Style.DEFAULT)));
        card.context("Run `" + run.id() + "` · nothing changes until you confirm · this card expires in "
                + RunEngine.PROPOSAL_TTL.toMinutes() + " minutes");
        return card.build();
    }

    private static String ago(Instant at, Instant now) {
        return at == null ? "at an unknown time" : Durations.words(Duration.between(at, now)) + " ago";
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
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
