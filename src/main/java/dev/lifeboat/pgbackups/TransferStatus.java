package dev.lifeboat.pgbackups;

/** Where a transfer stands, as the Heroku CLI reads it from the timestamps and {@code succeeded}. */
public enum TransferStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELED;

    /** True once the transfer has stopped, however it ended. */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }
}
