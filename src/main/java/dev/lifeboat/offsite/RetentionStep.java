package dev.lifeboat.offsite;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.s3.OffsiteCopy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes offsite copies older than {@code LIFEBOAT_BACKUP_RETENTION_DAYS}, never the newest
 * {@value Retention#KEEP_NEWEST} ({@link Retention}), with their checksum sidecars, and marks them deleted in the
 * ledger so they are not copied again. Says what it deleted. Deleting again what is gone is not an error, so a
 * resumed run simply decides again.
 */
final class RetentionStep extends NamedStep {
    static final String ID = "retention";

    private final OffsiteParts parts;
    private final String app;

    RetentionStep(OffsiteParts parts, String app) {
        super(ID, "Delete copies older than " + parts.targets.retentionDays() + " days (never the newest "
                + Retention.KEEP_NEWEST + ")", Duration.ofMinutes(10));
        this.parts = parts;
        this.app = app;
    }

    @Override
    public StepOutcome run(StepContext context) {
        OffsiteCopier copier = parts.copier();
        try {
            List<OffsiteCopy> copies = copier.store().list(parts.targets.prefix());
            List<OffsiteCopy> doomed = Retention.expired(copies, context.now(), parts.targets.retentionDays());
            if (doomed.isEmpty()) {
                return StepOutcome.succeeded("nothing deleted: " + copies.size() + " copies, none older than "
                        + parts.targets.retentionDays() + " days beyond the newest " + Retention.KEEP_NEWEST);
            }
            List<String> deleted = new ArrayList<>();
            for (OffsiteCopy copy : doomed) {
                copier.store().delete(copy.key());
                backupName(copy).ifPresent(name -> copier.ledger().deleted(app, name, context.now()));
                deleted.add(copy.fileName() + " (" + Transfers.humanBytes(copy.size()) + ")");
            }
            return StepOutcome.succeeded("deleted " + deleted.size() + ": " + String.join(", ", deleted) + "; kept "
                    + (copies.size() - doomed.size()));
        } catch (UpstreamException e) {
            return StepFailures.of(e, "deleting old offsite copies");
        }
    }

    /** {@code b014.20261202T030512Z.dump} → {@code b014}. */
    static java.util.Optional<String> backupName(OffsiteCopy copy) {
        String file = copy.fileName();
        int dot = file.indexOf('.');
        String name = dot < 0 ? file : file.substring(0, dot);
        return Transfers.parseNum(name).isPresent() && name.matches("[abc]\\d+") ? java.util.Optional.of(name)
                : java.util.Optional.empty();
    }
}
