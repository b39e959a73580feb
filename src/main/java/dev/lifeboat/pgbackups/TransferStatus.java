package dev.lifeboat.pgbackups;

/** Where a transfer stands, as the Heroku CLI reads it from the timestamps and {@code succeeded}. */
public enum TransferStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELED;

    /** True for the statuses a transfer ends in (see {@link Transfer#isFinished()} for whether it has stopped). */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }
}
