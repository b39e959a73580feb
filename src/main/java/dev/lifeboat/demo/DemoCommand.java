package dev.lifeboat.demo;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code demo [break|heal PART]}: practise an outage in the simulated world. Exists only in the demo world. It changes
 * that world (everyone using this Lifeboat sees the break), but no real system, so anyone may run it: operators-only
 * would make the demo useless in a trial workspace, where LIFEBOAT_OPERATORS is usually empty.
 */
final class DemoCommand implements CommandHandler {
    private static final String PARTS = Arrays.stream(DemoWorld.Part.values())
            .map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"));
    private static final CommandSpec SPEC = CommandSpec.changesDemoWorld("demo",
            "[break|heal " + PARTS + "|all] | fail restore|backup|copy|site|build|release",
            "practise an outage in the simulated world; `fail restore` makes the next restore fail, `fail copy` the"
                    + " next offsite copy, `fail site` the next Netlify build, `fail build` the next redeploy's build,"
                    + " `fail release` the next release phase (of a rollback or a redeploy) (demo world only)");
    static final String FAILURE = "pg_restore: error: could not execute query: ERROR:  out of shared memory";
    static final String CAPTURE_FAILURE = "pg_dump: error: connection to server was lost";
    static final String SITE_BUILD_FAILURE = "Failed during stage 'building site': Build script returned non-zero exit"
            + " code: 2";
    static final List<String> RELEASE_FAILURE = List.of(
            "Running release command `bundle exec rails db:migrate`",
            "== 20261201120000 AddIndexToOrders: migrating =================================",
            "-- add_index(:orders, :customer_id)",
            "rails aborted!",
            "ActiveRecord::StatementInvalid: PG::DuplicateTable: ERROR:  relation \"index_orders_on_customer_id\" "
                    + "already exists",
            "Tasks: TOP => db:migrate");

    private final DemoWorld world;
    private final Optional<DemoHeroku> heroku;
    private final Optional<DemoPgBackups> backups;
    private final Optional<DemoNetlify> netlify;
    private final Optional<DemoHerokuBuilds> builds;
    private final RuntimeSettings runtime;

    @Inject
    DemoCommand(DemoWorld world, Optional<DemoHeroku> heroku, Optional<DemoPgBackups> backups,
                Optional<DemoNetlify> netlify, Optional<DemoHerokuBuilds> builds, RuntimeSettings runtime) {
        this.world = world;
        this.heroku = heroku;
        this.backups = backups;
        this.netlify = netlify;
        this.builds = builds;
        this.runtime = runtime;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public boolean answersImmediately() {
        return true;
    }

    /** The runner tells the change listeners (a status report shared before the break is then not reused). */
    @Override
    public Reply handle(Invocation invocation) {
        String action = invocation.arg(0).map(a -> a.toLowerCase(Locale.ROOT)).orElse("show");
        String target = invocation.arg(1).map(a -> a.toLowerCase(Locale.ROOT)).orElse("");
        switch (action) {
            case "show" -> {
                return Reply.text(describe());
            }
            case "break" -> {
                DemoWorld.Part part = part(target);
                world.breakPart(part);
                if (part == DemoWorld.Part.APP) {
                    heroku.ifPresent(h -> h.crashDynos("web"));
                }
                return Reply.text(":boom: Broke " + target + ": " + part.effect() + ". Try `status` now; `demo heal "
                        + target + "` puts it back." + monitorNote(part));
            }
            case "heal" -> {
                if (target.equals("all") || target.isEmpty()) {
                    world.healAll();
                    heroku.ifPresent(DemoHeroku::healDynos);
                    return Reply.text(":adhesive_bandage: Everything in the demo world works again.");
                }
                DemoWorld.Part part = part(target);
                world.heal(part);
                if (part == DemoWorld.Part.APP) {
                    heroku.ifPresent(DemoHeroku::healDynos);
                }
                return Reply.text(":adhesive_bandage: Healed " + target + ".");
            }
            case "fail" -> {
                return fail(target);
            }
            default -> throw new UsageException("`demo` can `break` or `heal` a part, or `fail` the next restore, "
                    + "backup, copy, site build, redeploy build or release phase, not `" + action + "`.");
        }
    }

    /** When the monitor will tell (the app and the site are watched; a platform's incident alone is never "down"). */
    private String monitorNote(DemoWorld.Part part) {
        if (part != DemoWorld.Part.APP && part != DemoWorld.Part.SITE) {
            return "";
        }
        int every = runtime.monitorIntervalSeconds();
        int after = runtime.downAfterFailures();
        return " The monitor (a check every " + every + " s) announces it after " + after
                + (after == 1 ? " failed check" : " failed checks in a row") + ": about " + every * after + " s from now.";
    }

    private Reply fail(String what) {
        if (what.equals("site")) {
            return failSite();
        }
        if (what.equals("build") || what.equals("release")) {
            return failDeploy(what);
        }
        if (backups.isEmpty()) {
            return Reply.text("Heroku Postgres backups are real here, not simulated: there is nothing to make fail.");
        }
        switch (what) {
            case "restore" -> {
                backups.get().failNextRestore(FAILURE);
                return Reply.text(":boom: The next restore in the demo world will fail part-way (`" + FAILURE
                        + "`). Try `restore` and confirm it: the run stops, says maintenance is on, and what to do.");
            }
            case "copy" -> {
                backups.get().failNextDownload();
                return Reply.text(":boom: The next offsite copy in the demo world will lose its source half-way: "
                        + "nothing is stored, and the next `backup offsite` tries again.");
            }
            case "backup" -> {
                backups.get().failNextCapture(CAPTURE_FAILURE);
                return Reply.text(":boom: The next backup in the demo world will fail (`" + CAPTURE_FAILURE
                        + "`). A restore's safety backup fails first, so nothing is restored.");
            }
            default -> throw new UsageException(what.isEmpty() ? "Say what to fail: `demo fail restore`, "
                    + "`demo fail backup`, `demo fail copy`, `demo fail site`, `demo fail build` or `demo fail release`."
                    : "`demo fail` takes `restore`, `backup`, `copy`, `site`, `build` or `release`, not `" + what + "`.");
        }
    }

    private Reply failSite() {
        if (netlify.isEmpty()) {
            return Reply.text("Netlify is real here, not simulated: there is nothing to make fail.");
        }
        netlify.get().failNextBuild(SITE_BUILD_FAILURE);
        return Reply.text(":boom: The next Netlify build in the demo world will end in error (`" + SITE_BUILD_FAILURE
                + "`). Try `site rebuild` and confirm it: the run stops with Netlify's message and the build log's"
                + " link, and the live deploy keeps serving.");
    }

    private Reply failDeploy(String what) {
        if (builds.isEmpty() || heroku.isEmpty()) {
            return Reply.text("Heroku is real here, not simulated: there is nothing to make fail.");
        }
        if (what.equals("build")) {
            builds.get().failNextBuild(DemoHerokuBuilds.BUILD_FAILURE);
            return Reply.text(":boom: The next build in the demo world will fail (Bundler cannot find a gem). Try "
                    + "`redeploy` and confirm it: the run stops at the build, shows its last output lines, and the "
                    + "release running now stays.");
        }
        heroku.get().failNextRelease(RELEASE_FAILURE);
        builds.get().failNextReleasePhase(DemoHerokuBuilds.RELEASE_PHASE_FAILURE);
        return Reply.text(":boom: The next release phase in the demo world will fail (`rails aborted!` in "
                + "`db:migrate`). Try `rollback` or `redeploy` and confirm it: the new release fails, the one before "
                + "keeps running, and the run shows the release output.");
    }

    private String describe() {
        if (world.broken().isEmpty()) {
            return "The demo world is healthy. Break something to practise: `demo break app` (or site, heroku, netlify).";
        }
        return "Broken in the demo world: " + world.broken().stream()
                .map(p -> "*" + p.name().toLowerCase(Locale.ROOT) + "* (" + p.effect() + ")")
                .collect(Collectors.joining(", ")) + ". `demo heal all` fixes everything.";
    }

    private static DemoWorld.Part part(String name) {
        try {
            return DemoWorld.Part.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(name.isEmpty() ? "Say which part: " + PARTS + "."
                    : "There is no `" + name + "` in the demo world; choose " + PARTS + ".");
        }
    }
}
