package dev.lifeboat.restore;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code restore [BACKUP] [to staging|production]}: proposes a restore and answers its confirmation card, privately.
 * Nothing changes until the card is confirmed ({@code confirm RUN}, with the app's name for production).
 */
final class RestoreCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("restore", "[BACKUP] [to staging|production]",
            "restore a backup (`latest`, `b012`/`a034`, `s3:KEY` or an https URL) into production or staging, as a "
                    + "guarded runbook: a card first, nothing changes before you confirm");

    private final RestoreParts parts;
    private final RunEngine engine;
    private final RunStore store;
    private final AccessSettings access;
    private final Clock clock;

    @Inject
    RestoreCommand(RestoreParts parts, RunEngine engine, RunStore store, AccessSettings access, Clock clock) {
        this.parts = parts;
        this.engine = engine;
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Request request = parse(invocation.args());
        if (!parts.hasHeroku() || parts.targets.productionApp().isEmpty()) {
            return Reply.text(":warning: Restoring needs Heroku: set HEROKU_API_KEY and HEROKU_APP.");
        }
        String origin = parts.targets.productionApp().get();
        String app = request.target() == RestorePlan.Target.PRODUCTION ? origin
                : parts.targets.stagingApp().orElseThrow(() -> new UsageException("There is no staging app to restore "
                + "into: set HEROKU_STAGING_APP to the staging app's name. (Production stays untouched.)"));
        Optional<Reply> busy = Busy.refusal(store, app);
        if (busy.isPresent()) {
            return busy.get();
        }
        SourceResolver.Resolved source = new SourceResolver(parts).resolve(request.backup(), origin);
        PostgresAddon addon = parts.heroku().resolveDatabase(app);
        RestorePlan plan = new RestorePlan(request.target(), app, origin, source.source(), source.dataAsOf());
        Run run = engine.propose(RestoreRunbook.NAME, plan.title(), plan.lockTarget(),
                RunParams.of(plan.toParams(access.productionApprovals())), invocation.actor().id());
        source.signedUrl().ifPresent(url -> parts.signedUrls.keep(run.id(), url));
        return ConfirmationCard.restore(run, plan, source, addon, parts.targets.stagingApp().isPresent(),
                access.productionApprovals(), clock.instant());
    }

    /** The words after {@code restore}. */
    record Request(Optional<String> backup, RestorePlan.Target target) {
    }

    static Request parse(List<String> args) {
        int i = 0;
        Optional<String> backup = Optional.empty();
        if (!args.isEmpty() && !args.get(0).equalsIgnoreCase("to")) {
            backup = Optional.of(args.get(0));
            i = 1;
        }
        if (args.size() == i) {
            return new Request(backup, RestorePlan.Target.PRODUCTION);
        }
        if (!args.get(i).equalsIgnoreCase("to")) {
            throw new UsageException("`" + args.get(i) + "` is not understood after the backup; say where to with "
                    + "`to staging` or `to production`.");
        }
        if (args.size() == i + 1) {
            throw new UsageException("Say where to: `to staging` or `to production`.");
        }
        String where = args.get(i + 1).toLowerCase(Locale.ROOT);
        if (args.size() > i + 2) {
            throw new UsageException("Too many words: nothing may follow `to " + where + "`.");
        }
        return switch (where) {
            case "production" -> new Request(backup, RestorePlan.Target.PRODUCTION);
            case "staging" -> new Request(backup, RestorePlan.Target.STAGING);
            default -> throw new UsageException("`" + args.get(i + 1) + "` is not a place to restore to: say `to staging`"
                    + " or `to production`.");
        };
    }
}
