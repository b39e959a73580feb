package dev.lifeboat.offsite;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.s3.OffsiteCopy;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code backup offsite}: proposes copying every succeeded backup not yet offsite and deleting copies past retention,
 * and answers its card listing both. With nothing to copy and nothing to delete it says so and proposes nothing.
 */
final class BackupOffsiteCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("backup offsite", "",
            "copy every successful backup not yet offsite to S3, then delete copies older than "
                    + "LIFEBOAT_BACKUP_RETENTION_DAYS (never the newest three), and say what was deleted");

    private final OffsiteParts parts;
    private final RunEngine engine;
    private final RunStore store;

    @Inject
    BackupOffsiteCommand(OffsiteParts parts, RunEngine engine, RunStore store) {
        this.parts = parts;
        this.engine = engine;
        this.store = store;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    static String lockTarget(String app) {
        return "offsite:" + app;
    }

    @Override
    public Reply handle(Invocation invocation) {
        if (!invocation.args().isEmpty()) {
            throw new UsageException("`backup offsite` takes no arguments.");
        }
        if (!parts.hasHeroku()) {
            return Reply.text(":warning: Offsite copies need Heroku: set HEROKU_API_KEY and HEROKU_APP.");
        }
        if (!parts.hasOffsite()) {
            return Reply.text(":warning: Offsite copies need S3: set LIFEBOAT_BACKUP_BUCKET (and the AWS_* variables).");
        }
        String app = parts.app();
        Optional<Reply> busy = Cards.busy(store, lockTarget(app), app + "'s offsite copies");
        if (busy.isPresent()) {
            return busy.get();
        }
        OffsiteCopier copier = parts.copier();
        List<Transfer> missing = CopyMissingStep.missing(parts, copier, app);
        List<OffsiteCopy> copies = copier.store().list(parts.targets.prefix());
        List<OffsiteCopy> expired = Retention.expired(copies, parts.clock.instant(), parts.targets.retentionDays());
        String where = "s3://" + copier.store().bucket() + "/" + parts.targets.prefix();
        if (missing.isEmpty() && expired.isEmpty()) {
            return Reply.text(":white_check_mark: Nothing to do: every successful backup of " + app + " is offsite ("
                    + copies.size() + " copies in " + where + "), and none is older than "
                    + parts.targets.retentionDays() + " days beyond the newest " + Retention.KEEP_NEWEST + ".");
        }
        Run run = engine.propose(OffsiteRunbook.NAME, "Offsite copies of " + app + "'s backups", lockTarget(app),
                RunParams.of(Map.of(OffsiteRunbook.APP, app)), invocation.actor().id());
        String toCopy = missing.isEmpty() ? "nothing: every successful backup is offsite"
                : missing.stream().map(b -> b.name() + " (" + Transfers.humanBytes(b.processedBytes()) + ")")
                .collect(Collectors.joining(", "));
        String toDelete = expired.isEmpty() ? "nothing" : expired.stream().map(OffsiteCopy::fileName)
                .collect(Collectors.joining(", "));
        return Cards.card(run, "Bring " + app + "'s offsite copies up to date?", List.of(
                "*Copy to " + where + "*\n" + toCopy,
                "*Delete (older than " + parts.targets.retentionDays() + " days)*\n" + toDelete,
                "*Kept*\nthe newest " + Retention.KEEP_NEWEST + " copies always",
                "*Heroku*\nread only: each backup is downloaded through a short-lived URL"),
                "Each copy is streamed, its size compared with Heroku's and its SHA-256 recorded.", "Copy offsite");
    }
}
