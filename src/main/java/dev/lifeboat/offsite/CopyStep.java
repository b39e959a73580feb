package dev.lifeboat.offsite;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.s3.UploadResult;
import dev.lifeboat.transfers.BackupCapture;
import java.util.List;
import java.util.Optional;

/**
 * {@code /dr backup}'s copy of the backup it just captured. The key is recorded before the copy starts; a resumed
 * run finds the ledger's record (copied: done; otherwise it aborts any upload the dead attempt left open and streams
 * again from the start, since a half-read download cannot be resumed).
 */
final class CopyStep extends NamedStep {
    static final String ID = "copy-offsite";
    static final String KEY = "key";
    static final String SHA256 = "sha256";

    private final OffsiteParts parts;
    private final String app;

    CopyStep(OffsiteParts parts, String app) {
        super(ID, "Copy it offsite to S3", parts.timings.copyTimeout());
        this.parts = parts;
        this.app = app;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        if (!parts.hasOffsite()) {
            return StepOutcome.skipped("S3 is not configured (set LIFEBOAT_BACKUP_BUCKET): the backup is at Heroku only");
        }
        String uuid = context.recordedBy(CaptureStep.ID, BackupCapture.TRANSFER).orElseThrow(
                () -> new IllegalStateException("the capture step recorded no transfer"));
        OffsiteCopier copier = parts.copier();
        try {
            Transfer backup = parts.backups().transfer(app, uuid);
            String key = OffsiteCopier.keyFor(parts.targets.prefix(), backup);
            context.record(KEY, key);
            Optional<String> done = copier.notNeeded(app, backup, List.of(), java.time.Duration.ZERO);
            if (done.isPresent()) {
                return StepOutcome.succeeded(backup.name() + " " + done.get() + " (s3://" + copier.store().bucket()
                        + "/" + key + ")");
            }
            UploadResult result = copier.copy(app, parts.targets.prefix(), backup,
                    CopyProgress.of(context, backup, ""));
            context.record(SHA256, result.sha256());
            return StepOutcome.succeeded(Verified.line(copier.store().bucket(), result));
        } catch (OffsiteCopier.CopyFailed e) {
            return StepOutcome.failed(e.announcement() + " Retry with `/dr backup offsite`.");
        } catch (UpstreamException e) {
            return StepFailures.of(e, "copying the backup offsite");
        }
    }
}
