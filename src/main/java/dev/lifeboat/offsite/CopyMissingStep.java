package dev.lifeboat.offsite;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.s3.UploadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /dr backup offsite}'s copies: every succeeded Heroku backup that is not offsite yet, oldest first, one at a
 * time. A copy that fails is recorded and the others still go; the step then fails naming each failure (the second
 * failure in a row of the same backup is announced as such), so the run's thread says it and retention does not
 * run. Run again (or resumed), it copies only what the ledger does not hold: nothing is copied twice.
 */
final class CopyMissingStep extends NamedStep {
    static final String ID = "copy-missing";

    private final OffsiteParts parts;
    private final String app;

    CopyMissingStep(OffsiteParts parts, String app) {
        super(ID, "Copy every backup not yet offsite", parts.timings.copyTimeout());
        this.parts = parts;
        this.app = app;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        OffsiteCopier copier = parts.copier();
        try {
            List<Transfer> missing = missing(parts, copier, app);
            if (missing.isEmpty()) {
                return StepOutcome.succeeded("every successful backup is offsite already: nothing copied");
            }
            List<String> copied = new ArrayList<>();
            List<OffsiteCopier.CopyFailed> failed = new ArrayList<>();
            int n = 0;
            for (Transfer backup : missing) {
                n++;
                String prefix = "(" + n + " of " + missing.size() + ") ";
                context.progress(prefix + "copying " + backup.name() + " to S3");
                try {
                    UploadResult result = copier.copy(app, parts.targets.prefix(), backup,
                            CopyProgress.of(context, backup, prefix));
                    copied.add(backup.name() + " → " + Verified.line(copier.store().bucket(), result));
                } catch (OffsiteCopier.CopyFailed e) {
                    failed.add(e);
                }
            }
            String done = copied.isEmpty() ? "nothing copied" : "copied " + copied.size() + ": "
                    + String.join("; ", copied);
            if (failed.isEmpty()) {
                return StepOutcome.succeeded(done);
            }
            return StepOutcome.failed(failed.stream().map(OffsiteCopier.CopyFailed::announcement)
                    .collect(Collectors.joining(" ")) + " (" + done + ".) The failed "
                    + (failed.size() == 1 ? "copy left" : "copies left") + " nothing in S3 and "
                    + (failed.size() == 1 ? "is" : "are") + " tried again by the next `/dr backup offsite`.");
        } catch (UpstreamException e) {
            return StepFailures.of(e, "listing the backups to copy");
        }
    }

    /** The succeeded backups that need a copy, oldest first. */
    static List<Transfer> missing(OffsiteParts parts, OffsiteCopier copier, String app) {
        List<OffsiteCopy> existing = copier.store().list(parts.targets.prefix());
        List<Transfer> out = new ArrayList<>();
        for (Transfer backup : OffsiteCopier.succeededBackups(parts.backups().transfers(app))) {
            if (copier.notNeeded(app, backup, existing, parts.timings.inProgress()).isEmpty()) {
                out.add(0, backup);
            }
        }
        return out;
    }
}
