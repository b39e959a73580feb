package dev.lifeboat.offsite;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lifeboat's own record of the offsite copies it made (the state store's {@code offsite_copies}), so that a copy is
 * made once, a failed one is tried again and announced when it keeps failing, and {@code /dr backups} and
 * {@code /dr status} can say which copies were verified. Every call is one short statement; failures are
 * {@link IllegalStateException}s naming what could not be done (never a value).
 */
public interface OffsiteLedger {
    /** Every record of {@code app}'s backups, the most recently changed first. */
    List<CopyRecord> forApp(String app);

    Optional<CopyRecord> find(String app, String backup);

    /** An attempt starts: the row becomes {@link CopyRecord.State#COPYING} (its failures in a row are kept). */
    void copying(String app, String backup, String key, long herokuBytes, Instant at);

    /** The copy is stored and verified: {@link CopyRecord.State#COPIED}, failures back to 0. */
    void copied(String app, String backup, String key, long bytes, String sha256, Instant at);

    /** The attempt failed: {@link CopyRecord.State#FAILED}; returns the failures in a row, this one included. */
    int failed(String app, String backup, String key, String reason, Instant at);

    /** Retention removed the copy: {@link CopyRecord.State#DELETED}, so it is not copied again. */
    void deleted(String app, String backup, Instant at);
}
