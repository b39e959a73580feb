package dev.lifeboat.s3;

import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The process's one {@link S3Client} and one {@link S3Presigner} (thread-safe, expensive to build). The lifecycle
 * owner closes them at shutdown.
 */
public final class S3Clients implements AutoCloseable {
    private final S3Client s3;
    private final S3Presigner presigner;

    public S3Clients(S3Client s3, S3Presigner presigner) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.presigner = Objects.requireNonNull(presigner, "presigner");
    }

    public S3Client s3() {
        return s3;
    }

    public S3Presigner presigner() {
        return presigner;
    }

    @Override
    public void close() {
        try {
            presigner.close();
        } finally {
            s3.close();
        }
    }
}
