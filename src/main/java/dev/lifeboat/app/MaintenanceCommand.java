package dev.lifeboat.app;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code maintenance on|off}: says the current state first, then proposes the change as a run and answers its card.
 * Without a word it only says the state.
 */
final class MaintenanceCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("maintenance", "on|off",
            "turn Heroku's maintenance mode on (visitors see its maintenance page) or off (then check the app answers);"
                    + " shows the current state first");

    private final AppParts parts;
    private final AppTargets targets;
    private final RunEngine engine;
    private final RunStore store;

    @Inject
    MaintenanceCommand(AppParts parts, AppTargets targets, RunEngine engine, RunStore store) {
        this.parts = parts;
        this.targets = targets;
        this.engine = engine;
        this.store = store;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Optional<Boolean> wanted = parse(invocation.args());
        if (!parts.hasHeroku() || targets.app().isEmpty()) {
            return Reply.text(":warning: Maintenance mode needs Heroku: set HEROKU_API_KEY and HEROKU_APP.");
        }
        String app = targets.app().get();
        HerokuApp now = parts.heroku().app(app);
        String state = now.maintenance() ? "*on*: visitors see Heroku's maintenance page" : "*off*: the app serves "
                + "visitors";
        if (wanted.isEmpty()) {
            return Reply.text("Maintenance mode is " + state + " (" + app + "). `/dr maintenance "
                    + (now.maintenance() ? "off" : "on") + "` changes it.");
        }
        boolean on = wanted.get();
        if (now.maintenance() == on) {
            return Reply.text("Maintenance mode is already " + state + " (" + app + "). Nothing to change.");
        }
        Optional<Reply> busy = AppRuns.busy(store, app);
        if (busy.isPresent()) {
            return busy.get();
        }
        Run run = engine.propose(MaintenanceRunbook.NAME, MaintenanceRunbook.title(app, on), AppRuns.lockTarget(app),
                RunParams.of(MaintenanceRunbook.params(app, on)), invocation.actor().id());
        String where = Optional.ofNullable(now.webUrl()).map(url -> " at " + url).orElse("");
        if (on) {
            return AppCard.of(run, "Turn maintenance mode on for " + app + "?", List.of(
                            "*Now*\noff: the app serves visitors",
                            "*After*\non: every visitor gets Heroku's maintenance page (HTTP 503); the dynos keep "
                                    + "running, but no request reaches them"),
                    ":warning: Visitors" + where + " see Heroku's maintenance page until someone runs "
                            + "`/dr maintenance off`.", "Turn maintenance on", Button.Style.DANGER);
        }
        return AppCard.of(run, "Turn maintenance mode off for " + app + "?", List.of(
                        "*Now*\non: visitors see Heroku's maintenance page",
                        "*After*\noff: requests reach the app again; then Lifeboat checks that it answers"),
                "Visitors" + where + " reach the app again at once: make sure it is ready to serve.",
                "Turn maintenance off", Button.Style.PRIMARY);
    }

    /** Empty: only show the state. */
    static Optional<Boolean> parse(List<String> args) {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        if (args.size() > 1) {
            throw new UsageException("Too many words: say `/dr maintenance on` or `/dr maintenance off`.");
        }
        return switch (args.get(0).toLowerCase(Locale.ROOT)) {
            case "on" -> Optional.of(true);
            case "off" -> Optional.of(false);
            default -> throw new UsageException("`" + args.get(0).replace('`', '\'') + "` is neither on nor off: say "
                    + "`/dr maintenance on` or `/dr maintenance off`. Nothing was changed.");
        };
    }
}
