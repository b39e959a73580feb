package dev.lifeboat.offsite;

import dev.lifeboat.s3.OffsiteCopy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which offsite copies retention deletes: those older than the retention period, but never the newest
 * {@value #KEEP_NEWEST}, however old they are (a stopped schedule must not empty the bucket). Pure.
 */
public final class Retention {
    public static final int KEEP_NEWEST = 3;

    private Retention() {
    }

    /** The copies to delete, oldest first. {@code days} below 1 deletes nothing. */
    public static List<OffsiteCopy> expired(List<OffsiteCopy> copies, Instant now, int days) {
        if (days < 1) {
            return List.of();
        }
        Instant cutoff = now.minus(Duration.ofDays(days));
        List<OffsiteCopy> newestFirst = new ArrayList<>(copies);
        newestFirst.sort(Comparator.comparing(OffsiteCopy::lastModified).thenComparing(OffsiteCopy::key).reversed());
        List<OffsiteCopy> doomed = new ArrayList<>();
        for (int i = KEEP_NEWEST; i < newestFirst.size(); i++) {
            if (newestFirst.get(i).lastModified().isBefore(cutoff)) {
                doomed.add(newestFirst.get(i));
            }
        }
        doomed.sort(Comparator.comparing(OffsiteCopy::lastModified).thenComparing(OffsiteCopy::key));
        return List.copyOf(doomed);
    }
}
