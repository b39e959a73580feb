package dev.lifeboat.status;

import dev.lifeboat.offsite.CopyRecord;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.s3.OffsiteCopy;
import java.util.List;
import java.util.Optional;

/**
 * How far a backup's offsite copy is verified, from what S3 lists and what Lifeboat's state store recorded when it
 * made the copy: the size in S3 against Heroku's, and the SHA-256 computed while streaming. Pure.
 */
public final class CopyVerification {
    private CopyVerification() {
    }

    /** Lifeboat's record of {@code backup}'s copy, when the store answered and has one. */
    public static Optional<CopyRecord> recordOf(Transfer backup, Fetched<List<CopyRecord>> records) {
        return records.value().flatMap(list -> list.stream().filter(r -> r.backup().equals(backup.name()))
                .findFirst());
    }

    /**
     * For a copy whose size matches: "size matches, SHA-256 3f2a9c0d1b2e recorded", "size matches, no checksum
     * recorded" (a copy Lifeboat did not make), or "size matches; checksum not known (…)" when the store did not
     * answer.
     */
    public static String matching(Transfer backup, OffsiteCopy copy, Fetched<List<CopyRecord>> records) {
        if (!records.ok()) {
            return records.gap() == Fetched.Gap.NOT_CONFIGURED ? "size matches"
                    : "size matches; checksum not known (" + records.why() + ")";
        }
        Optional<CopyRecord> record = recordOf(backup, records).filter(r -> r.state() == CopyRecord.State.COPIED)
                .filter(r -> r.key().equals(copy.key()));
        return record.flatMap(CopyRecord::sha256)
                .map(sha -> "size matches, SHA-256 " + sha.substring(0, Math.min(12, sha.length())) + " recorded")
                .orElse("size matches, no checksum recorded");
    }

    /** For a backup without a copy: the last failed attempts, e.g. "copy failed 2× in a row: …", when recorded. */
    public static Optional<String> failure(Transfer backup, Fetched<List<CopyRecord>> records) {
        return recordOf(backup, records).filter(r -> r.state() == CopyRecord.State.FAILED)
                .map(r -> "copy failed" + (r.failures() > 1 ? " " + r.failures() + "× in a row" : "")
                        + r.reason().map(why -> ": " + shorten(why)).orElse(""));
    }

    /** "44.82 MB, Heroku's 89.64 MB". */
    public static String sizes(Transfer backup, OffsiteCopy copy) {
        return Transfers.humanBytes(copy.size()) + ", Heroku's " + Transfers.humanBytes(backup.processedBytes());
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 159) + "…" : one;
    }
}
