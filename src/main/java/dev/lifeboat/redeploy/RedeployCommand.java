package dev.lifeboat.redeploy;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.config.GitHubSettings;
import dev.lifeboat.config.Redact;
import dev.lifeboat.github.Commit;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code redeploy [REF]}: resolves the branch, tag or commit (default {@code LIFEBOAT_STABLE_REF}) at GitHub,
 * proposes a redeploy of that commit and answers its confirmation card, privately. Nothing changes until the card is
 * confirmed.
 */
final class RedeployCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("redeploy", "[REF]",
            "build a branch, tag or commit of the app's GitHub repository (default: the stable branch) on Heroku and "
                    + "release it, as a guarded runbook: a card first, nothing changes before you confirm");

    private final RedeployParts parts;
    private final RunEngine engine;
    private final RunStore store;
    private final GitHubSettings github;
    private final Clock clock;

    @Inject
    RedeployCommand(RedeployParts parts, RunEngine engine, RunStore store, GitHubSettings github, Clock clock) {
        this.parts = parts;
        this.engine = engine;
        this.store = store;
        this.github = github;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        if (invocation.args().size() > 1) {
            throw new UsageException("`redeploy` takes at most one word: a branch, tag or commit (default `"
                    + github.stableRef() + "`).");
        }
        String ref = invocation.arg(0).orElse(github.stableRef());
        if (!PathId.isValid(PathId.Kind.GIT_REF, ref)) {
            throw new UsageException("`" + Redact.text(ref) + "` is not a branch, tag or commit name (e.g. `main`, "
                    + "`v2.14.0` or a commit sha). Nothing was changed.");
        }
        if (!parts.hasHeroku() || parts.targets.productionApp().isEmpty()) {
            return Reply.text(":warning: Redeploying needs Heroku: set HEROKU_API_KEY and HEROKU_APP.");
        }
        if (!parts.hasGitHub()) {
            return Reply.text(":warning: Redeploying builds from GitHub: set LIFEBOAT_GITHUB_REPO (owner/name), and "
                    + "GITHUB_TOKEN for a private repository.");
        }
        String app = parts.targets.productionApp().get();
        Optional<Reply> busy = busy(app);
        if (busy.isPresent()) {
            return busy.get();
        }
        Commit commit;
        try {
            commit = parts.github().commit(ref);
        } catch (UpstreamException e) {
            if (e.failure() == Failure.NOT_FOUND) {
                throw new UsageException(e.getMessage() + " Nothing was changed.");
            }
            throw e;
        }
        Release current = parts.heroku().currentRelease(app);
        Optional<String> runningCommit;
        String commitNote;
        try {
            runningCommit = parts.builds().releaseCommit(app, current.id());
            commitNote = runningCommit.isPresent() ? "" : "commit not known to Heroku";
        } catch (UpstreamException e) {
            runningCommit = Optional.empty();
            commitNote = "commit unknown (Heroku did not say: " + e.failure().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ")";
        }
        RedeployPlan plan = RedeployPlan.of(app, parts.github().fullName(), ref, commit, Optional.of(current.label()));
        Run run = engine.propose(RedeployRunbook.NAME, plan.title(), plan.lockTarget(), RunParams.of(plan.toParams()),
                invocation.actor().id());
        return RedeployCard.card(run, plan, commit, current, runningCommit, commitNote, clock.instant());
    }

    /** One change to an app at a time: a redeploy is refused while another run (or a restore) holds the app. */
    private Optional<Reply> busy(String app) {
        return store.unfinished().stream()
                .filter(run -> run.target().equals(RedeployPlan.lockTarget(app)) || run.target().equals("postgres:" + app))
                .findFirst()
                .map(run -> Reply.text(":no_entry: Run `" + run.id() + "` (" + run.title() + ") is already working on "
                        + app + ". One change at a time: wait for it to end, or stop it with `/dr cancel " + run.id()
                        + "`. Nothing was changed."));
    }
}
