package dev.lifeboat.s3;

import dev.lifeboat.http.Failure;

/**
 * The upload failed because of its source, not S3: reading the body threw, or it ended before (or ran past) its
 * declared length. The upload was aborted, so retrying means reading the source again from the start.
 */
public class UploadSourceException extends S3StoreException {
    private final long bytesRead;

    public UploadSourceException(Failure failure, long bytesRead, String message, Throwable cause) {
        super(failure, 0, null, message, cause);
        this.bytesRead = bytesRead;
    }

    /** How many bytes had been read from the source when it failed. */
    public long bytesRead() {
        return bytesRead;
    }
}
