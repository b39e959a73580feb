package dev.lifeboat.s3;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import java.util.Optional;

/**
 * A call to the offsite store failed. Built only by {@link S3Errors} (all mapping lives there) and by the demo store.
 * Messages name the variable, bucket or key to check and never contain credentials or signed URLs.
 */
public class S3StoreException extends UpstreamException {
    public static final String SYSTEM = "S3";

    private final String errorCode;

    public S3StoreException(Failure failure, int status, String errorCode, String message, Throwable cause) {
        super(SYSTEM, failure, status, null, message, cause);
        this.errorCode = errorCode;
    }

    /** S3's own error code, e.g. {@code NoSuchBucket} or {@code SlowDown}, when S3 answered with one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
