package dev.lifeboat.offsite;

import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.s3.UploadProgress;

/** A copy's progress beside its step: "copying b014 to S3: 40.00 MB of 250.00 MB (16%)". */
final class CopyProgress {
    private CopyProgress() {
    }

    static UploadProgress of(StepContext context, Transfer backup, String prefix) {
        long total = backup.processedBytes();
        return bytes -> context.progress(prefix + "copying " + backup.name() + " to S3: " + Transfers.humanBytes(bytes)
                + (total > 0 ? " of " + Transfers.humanBytes(total) + " (" + Math.min(100, bytes * 100 / total) + "%)"
                : ""));
    }
}
