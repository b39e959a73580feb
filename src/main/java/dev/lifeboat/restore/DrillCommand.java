package dev.lifeboat.restore;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code drill}: proposes the restore drill (the newest backup, and the newest offsite copy, into staging) and answers
 * its card. Production is never a target.
 */
final class DrillCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("drill", "",
            "restore the newest backup (and the newest offsite copy) into staging, validate it, and report the "
                    + "measured RTO and RPO; production is not touched");

    private final RestoreParts parts;
    private final RunEngine engine;
    private final RunStore store;
    private final Clock clock;

    @Inject
    DrillCommand(RestoreParts parts, RunEngine engine, RunStore store, Clock clock) {
        this.parts = parts;
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
        if (!invocation.args().isEmpty()) {
            throw new UsageException("`drill` takes no arguments: it always restores the newest backup into staging.");
        }
        if (!parts.hasHeroku() || parts.targets.productionApp().isEmpty()) {
            return Reply.text(":warning: The drill needs Heroku: set HEROKU_API_KEY and HEROKU_APP.");
        }
        String origin = parts.targets.productionApp().get();
        String staging = parts.targets.stagingApp().orElseThrow(() -> new UsageException("The drill restores into "
                + "staging, and there is no staging app: set HEROKU_STAGING_APP to its name."));
        Optional<Reply> busy = Busy.refusal(store, staging);
        if (busy.isPresent()) {
            return busy.get();
        }
        SourceResolver resolver = new SourceResolver(parts);
        List<Transfer> transfers = parts.backups().transfers(origin);
        SourceResolver.Resolved backup = resolver.latest(origin, transfers);
        Optional<SourceResolver.Resolved> copy = resolver.newestOffsite(origin, transfers);
        PostgresAddon addon = parts.heroku().resolveDatabase(staging);
        RestorePlan plan = new RestorePlan(RestorePlan.Target.STAGING, staging, origin, backup.source(),
                backup.dataAsOf());
        Map<String, String> params = plan.toParams(1);
        copy.ifPresent(c -> {
            params.put(RestorePlan.OFFSITE, ((Source.Offsite) c.source()).key());
            c.dataAsOf().ifPresent(at -> params.put(RestorePlan.OFFSITE_AS_OF, at.toString()));
        });
        String title = "Restore drill: " + backup.source().label()
                + copy.map(c -> " and " + c.source().label()).orElse("") + " into " + staging;
        Run run = engine.propose(DrillRunbook.NAME, title, plan.lockTarget(), RunParams.of(params),
                invocation.actor().id());
        String whyNoCopy = parts.hasOffsite() ? "none: s3://" + parts.offsite().bucket() + "/"
                + parts.targets.offsitePrefix() + " holds no copy" : "not drilled: S3 is not configured";
        return ConfirmationCard.drill(run, plan, backup, copy, addon, whyNoCopy, clock.instant());
    }
}
