package dev.lifeboat.offsite;

import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.s3.UploadResult;
import java.util.Locale;

/** How a finished copy reads: where, how big, verified how, how fast. */
final class Verified {
    private Verified() {
    }

    /** "s3://bucket/key, 250.00 MB, size matches Heroku's, SHA-256 3f2a9c0d… recorded, 12 s (21.3 MB/s)". */
    static String line(String bucket, UploadResult result) {
        return "s3://" + bucket + "/" + result.key() + ", " + Transfers.humanBytes(result.bytes())
                + ", size matches Heroku's, SHA-256 " + result.sha256().substring(0, 12) + "… recorded, "
                + Durations.words(result.duration()) + String.format(Locale.ROOT, " (%.1f MB/s)",
                result.megabytesPerSecond());
    }
}
