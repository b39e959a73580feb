package dev.lifeboat.app;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.http.PathId;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code restart [TYPE|DYNO]}: every dyno, one process type ({@code web}) or one dyno ({@code web.1}). Checks the
 * name against the dynos Heroku lists, then proposes the run and answers its card.
 */
final class RestartCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("restart", "[TYPE|DYNO]",
            "restart every dyno, one process type (`web`) or one dyno (`web.1`), wait until they are up, then check "
                    + "that the app answers");

    private final AppParts parts;
    private final AppTargets targets;
    private final RunEngine engine;
    private final RunStore store;
    private final Clock clock;

    @Inject
    RestartCommand(AppParts parts, AppTargets targets, RunEngine engine, RunStore store, Clock clock) {
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
        DynoScope scope = parse(invocation.args());
        if (!parts.hasHeroku() || targets.app().isEmpty()) {
            return Reply.text(":warning: Restarting needs Heroku: set HEROKU_API_KEY and HEROKU_APP.");
        }
        String app = targets.app().get();
        List<Dyno> dynos = parts.heroku().dynos(app);
        List<Dyno> chosen = dynos.stream().filter(scope::matches).toList();
        if (chosen.isEmpty()) {
            return Reply.text(":no_entry: " + unknown(scope, app, dynos) + " Nothing was restarted.");
        }
        Optional<Reply> busy = AppRuns.busy(store, app);
        if (busy.isPresent()) {
            return busy.get();
        }
        Run run = engine.propose(RestartRunbook.NAME, "Restart " + scope.of(app), AppRuns.lockTarget(app),
                RunParams.of(RestartRunbook.params(app, scope)), invocation.actor().id());
        boolean web = chosen.stream().anyMatch(d -> d.type().equals("web"));
        return AppCard.of(run, "Restart " + scope.of(app) + "?", List.of(
                        "*Dynos*\n" + chosen.stream().map(this::describe).collect(Collectors.joining("\n")),
                        "*After*\nHeroku stops and starts " + (chosen.size() == 1 ? "it" : "each of them")
                                + "; Lifeboat waits until " + (chosen.size() == 1 ? "it is" : "they are")
                                + " up, then checks that the app answers"),
                web ? ":warning: Requests in flight on the web dynos get errors while they restart (a few seconds)."
                        : "", chosen.size() == 1 ? "Restart " + chosen.get(0).name() : "Restart " + chosen.size()
                        + " dynos", Button.Style.DANGER);
    }

    /** "web.1 — up for 3 h". */
    private String describe(Dyno dyno) {
        Optional<String> since = Optional.ofNullable(dyno.updatedAt())
                .map(at -> " for " + Durations.words(Duration.between(at, clock.instant())));
        return dyno.name() + " — " + dyno.state().wire() + since.orElse("");
    }

    private static String unknown(DynoScope scope, String app, List<Dyno> dynos) {
        String listed = dynos.stream().map(d -> d.name() + " (" + d.state().wire() + ")")
                .collect(Collectors.joining(", "));
        return switch (scope.kind()) {
            case ALL -> "Heroku lists no dynos for " + app + ": is its formation scaled to 0?";
            case TYPE -> "No `" + scope.name().orElseThrow() + "` dynos run on " + app + "; its dynos: " + listed
                    + ".";
            case DYNO -> "There is no dyno `" + scope.name().orElseThrow() + "` on " + app + "; its dynos: " + listed
                    + ".";
        };
    }

    static DynoScope parse(List<String> args) {
        if (args.isEmpty()) {
            return DynoScope.all();
        }
        if (args.size() > 1) {
            throw new UsageException("Name one process type (`web`) or one dyno (`web.1`), or nothing for every dyno.");
        }
        String name = args.get(0);
        if (PathId.isValid(PathId.Kind.DYNO, name)) {
            return DynoScope.dyno(name);
        }
        return DynoScope.type(PathId.require(PathId.Kind.PROCESS_TYPE, name));
    }
}
