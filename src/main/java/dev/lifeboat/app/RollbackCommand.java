package dev.lifeboat.app;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.ReleaseStatus;
import dev.lifeboat.heroku.Releases;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code rollback [vNNN]}: to the given release, or to the one {@code heroku rollback} would pick (the second release
 * Heroku marks eligible among the newest ten). A release that cannot be rolled back to is refused with the reason;
 * otherwise the card shows the release running now and the target, and warns that migrations stay.
 */
final class RollbackCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("rollback", "[vNNN]",
            "roll the app back to a release (default: the one `heroku rollback` picks), wait for it, then check that "
                    + "the app answers; database migrations are not undone");

    private final AppParts parts;
    private final AppTargets targets;
    private final RunEngine engine;
    private final RunStore store;
    private final Clock clock;

    @Inject
    RollbackCommand(AppParts parts, AppTargets targets, RunEngine engine, RunStore store, Clock clock) {
        this.parts = parts;
        this.targets = targets;
        this.engine = engine;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        OptionalInt version = parse(invocation.args());
        if (!parts.hasHeroku() || targets.app().isEmpty()) {
            return Reply.text(":warning: Rolling back needs Heroku: set HEROKU_API_KEY and HEROKU_APP.");
        }
        String app = targets.app().get();
        List<Release> newest = parts.heroku().releases(app, Releases.CLI_PAGE);
        Release current = Releases.current(newest).orElse(null);
        if (current == null) {
            return Reply.text(":no_entry: Heroku lists no releases for " + app + ": there is nothing to roll back.");
        }
        Optional<Release> target;
        if (version.isEmpty()) {
            target = Releases.defaultRollbackTarget(newest);
            if (target.isEmpty()) {
                return Reply.text(":no_entry: There is no release to roll back to: fewer than two of " + app
                        + "'s newest " + newest.size() + " releases can be rolled back to. Name one with "
                        + "`/dr rollback vNNN`. Nothing was changed.");
            }
        } else {
            target = find(app, newest, version.getAsInt());
            if (target.isEmpty()) {
                return Reply.text(":no_entry: " + app + " has no release v" + version.getAsInt()
                        + " (it runs " + current.label() + "). Nothing was changed.");
            }
        }
        Optional<String> refusal = refusal(target.get(), current);
        if (refusal.isPresent()) {
            return Reply.text(":no_entry: " + refusal.get() + " Nothing was changed.");
        }
        Optional<Reply> busy = AppRuns.busy(store, app);
        if (busy.isPresent()) {
            return busy.get();
        }
        Release to = target.get();
        RollbackPlan plan = new RollbackPlan(app, to.id(), to.version(), current.version());
        Run run = engine.propose(RollbackRunbook.NAME, plan.title(), AppRuns.lockTarget(app),
                RunParams.of(plan.toParams()), invocation.actor().id());
        Instant now = clock.instant();
        long undone = newest.stream().filter(r -> r.version() > to.version() && r.version() <= current.version())
                .count();
        return AppCard.of(run, "Roll " + app + " back from " + current.label() + " to " + to.label() + "?", List.of(
                        "*Now*\n" + describe(current, now),
                        "*Back to*\n" + describe(to, now),
                        "*After*\na new release with " + to.label() + "'s code and config vars; Lifeboat waits for "
                                + "it (and its release phase), then checks that the app answers",
                        "*Undone*\n" + (to.version() < current.version() ? (undone == 1 ? "1 release: " : undone
                                + " releases, ") + "up to " + current.label() : "nothing: " + to.label()
                                + " is newer than " + current.label())),
                ":warning: A rollback does not undo database migrations: if a release after " + to.label()
                        + " changed the schema, " + to.label() + "'s code runs against the changed schema. Add-ons "
                        + "and the data stay as they are.", "Roll back to " + to.label(), Button.Style.DANGER);
    }

    private Optional<Release> find(String app, List<Release> newest, int version) {
        Optional<Release> listed = newest.stream().filter(r -> r.version() == version).findFirst();
        if (listed.isPresent()) {
            return listed;
        }
        try {
            return Optional.of(parts.heroku().release(app, "v" + version));
        } catch (UpstreamException e) {
            if (e.failure() == Failure.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** "v110 — Deploy 4e1a9c2\nby maria@…, 2 days ago". */
    private static String describe(Release release, Instant now) {
        String age = release.createdAt() == null ? "" : ", " + Durations.words(Duration.between(release.createdAt(),
                now)) + " ago";
        return release.label() + " — " + (release.description().isEmpty() ? "(no description)"
                : release.description()) + "\nby " + release.userEmail() + age;
    }

    /** Why a release cannot be rolled back to, when it cannot. Pure. */
    static Optional<String> refusal(Release target, Release current) {
        String v = target.label();
        if (target.version() == current.version()) {
            return Optional.of(v + " is the release running now; name an older one (`/dr rollback v"
                    + Math.max(1, target.version() - 1) + "`) or leave the version out for the one before it.");
        }
        if (target.status() == ReleaseStatus.FAILED) {
            return Optional.of(v + " failed (its build or release phase did not succeed): it never ran, so there is "
                    + "nothing to roll back to.");
        }
        if (target.status() == ReleaseStatus.PENDING) {
            return Optional.of(v + " is still pending (its release phase is running): it has not run yet.");
        }
        if (target.status() == ReleaseStatus.EXPIRED) {
            return Optional.of(v + " has expired: Heroku no longer keeps its slug.");
        }
        if (!target.eligibleForRollback()) {
            return Optional.of("Heroku marks " + v + " as not eligible for rollback" + (target.version() == 1
                    ? " (the app's first release has no code)." : "."));
        }
        if (target.status() != ReleaseStatus.SUCCEEDED) {
            return Optional.of(v + "'s status is not known (" + target.status().wire() + "), so it is not rolled "
                    + "back to.");
        }
        return Optional.empty();
    }

    static OptionalInt parse(List<String> args) {
        if (args.isEmpty()) {
            return OptionalInt.empty();
        }
        if (args.size() > 1) {
            throw new UsageException("Name one release (`v110`), or nothing for the one before the current one.");
        }
        return OptionalInt.of(PathId.releaseVersion(args.get(0)));
    }
}
