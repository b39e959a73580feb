package dev.lifeboat.offsite;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.status.Ages;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code backup}: proposes capturing a backup now and copying it offsite, and answers its card. */
final class BackupCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("backup", "",
            "capture a backup of the database now, follow it to the end, then copy it offsite to S3 (size and "
                    + "SHA-256 checked)");

    private final OffsiteParts parts;
    private final RunEngine engine;
    private final RunStore store;

    @Inject
    BackupCommand(OffsiteParts parts, RunEngine engine, RunStore store) {
        this.parts = parts;
        this.engine = engine;
        this.store = store;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    static String lockTarget(String app) {
        return "postgres:" + app;
    }

    @Override
    public Reply handle(Invocation invocation) {
        if (!invocation.args().isEmpty()) {
            throw new UsageException("`backup` takes no arguments (`backup offsite` copies the backups not yet offsite).");
        }
        if (!parts.hasHeroku()) {
            return Reply.text(":warning: A backup needs Heroku: set HEROKU_API_KEY and HEROKU_APP.");
        }
        String app = parts.app();
        Optional<Reply> busy = Cards.busy(store, lockTarget(app), app + "'s database");
        if (busy.isPresent()) {
            return busy.get();
        }
        PostgresAddon addon = parts.heroku().resolveDatabase(app);
        List<Transfer> transfers = parts.backups().transfers(app);
        Optional<Transfer> newest = Transfers.latestSucceededBackup(transfers);
        Run run = engine.propose(BackupRunbook.NAME, "Backup of " + app + "'s database", lockTarget(app),
                RunParams.of(Map.of(BackupRunbook.APP, app)), invocation.actor().id());
        String offsite = parts.hasOffsite() ? "s3://" + parts.offsite().bucket() + "/" + parts.targets.prefix()
                + "…, size compared with Heroku's, SHA-256 recorded"
                : "none: S3 is not configured (set LIFEBOAT_BACKUP_BUCKET); the backup stays at Heroku only";
        return Cards.card(run, "Back up " + app + "'s database now?", List.of(
                "*Database*\n" + addon.name() + " (" + addon.planName() + ")",
                "*Newest backup*\n" + newest.map(b -> b.name() + ", " + Ages.ago(parts.clock.instant(),
                        b.finishedAt()) + ", " + Transfers.humanBytes(b.processedBytes())).orElse("none succeeded yet"),
                "*Offsite copy*\n" + offsite,
                "*Effect*\nreads the database; the app keeps running (a capture adds load while it runs)"),
                "Heroku keeps a limited number of manual backups: its oldest manual one may be rotated out.",
                "Back up now");
    }
}
