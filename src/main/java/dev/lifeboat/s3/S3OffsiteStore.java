package dev.lifeboat.s3;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * The offsite store over one bucket of S3 or an S3-compatible server.
 *
 * <p><b>Where the checksum lives.</b> S3 user metadata can only be given when an upload starts, but the SHA-256 is
 * known only at its end. A body smaller than one part goes up in a single PUT whose metadata carries the checksum.
 * A multipart copy is started with what is known then (source name, and a pointer {@code lifeboat-sha256-sidecar})
 * and its checksum goes to a small sidecar object {@code KEY.sha256} in {@code sha256sum} format
 * ({@code <hex>  <file name>}, so a person can check a download with {@code sha256sum -c}), which carries the same
 * user metadata. There is no server-side self-copy to attach the checksum to the object itself: S3 would read the
 * whole object a second time (minutes for a large dump). Lifeboat also records the checksum in its state store.
 * {@link #head} reads either transparently, {@link #list} hides sidecars and {@link #delete} removes them with their
 * copy.
 */
final class S3OffsiteStore implements OffsiteStore {
    static final String SIDECAR_SUFFIX = ".sha256";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final S3Errors errors;
    private final StreamingUpload uploads;

    S3OffsiteStore(S3Clients clients, String bucket, S3Errors errors, S3Tuning tuning) {
        this.s3 = clients.s3();
        this.presigner = clients.presigner();
        this.bucket = bucket;
        this.errors = errors;
        this.uploads = new StreamingUpload(s3, bucket, errors, tuning);
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public List<OffsiteCopy> list(String prefix) {
        String doing = errors.doing("listing", prefix);
        List<OffsiteCopy> copies = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                if (!object.key().endsWith(SIDECAR_SUFFIX) && !object.key().endsWith("/")) {
                    copies.add(new OffsiteCopy(object.key(), object.size(), object.lastModified(), Optional.empty()));
                }
            }
        } catch (SdkException e) {
            throw errors.translate(e, doing);
        }
        copies.sort(Comparator.comparing(OffsiteCopy::lastModified).thenComparing(OffsiteCopy::key).reversed());
        return List.copyOf(copies);
    }

    @Override
    public OffsiteCopy head(String key) {
        Keys.check(key);
        HeadObjectResponse response = headObject(key);
        Map<String, String> userMetadata = response.metadata();
        CopyMetadata metadata = CopyMetadata.fromUserMetadata(userMetadata);
        if (metadata.sha256().isEmpty() && userMetadata.containsKey(CopyMetadata.SHA256_SIDECAR)) {
            metadata = sidecarMetadata(key, metadata);
        }
        return new OffsiteCopy(key, response.contentLength(), response.lastModified(), Optional.of(metadata));
    }

    @Override
    public void delete(String key) {
        Keys.check(key);
        String doing = errors.doing("deleting", key);
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
            s3.deleteObject(r -> r.bucket(bucket).key(key + SIDECAR_SUFFIX));
        } catch (SdkException e) {
            throw errors.translate(e, doing);
        }
    }

    /** Heads the object first, so a missing copy or unusable credentials fail here rather than in Heroku's restore. */
    @Override
    public PresignedDownload presignGet(String key, Duration validity) {
        Keys.check(key);
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_PRESIGN_VALIDITY) > 0) {
            throw new IllegalArgumentException("A presigned URL must be valid for more than 0 and at most 7 days, not "
                    + validity);
        }
        OffsiteCopy copy = head(key);
        PresignedGetObjectRequest signed;
        try {
            signed = presigner.presignGetObject(r -> r.signatureDuration(validity)
                    .getObjectRequest(g -> g.bucket(bucket).key(key)));
        } catch (SdkException e) {
            throw errors.translate(e, errors.doing("signing a download URL for", key));
        }
        if (!signed.isBrowserExecutable()) {
            throw new IllegalStateException("The presigned URL for s3://" + bucket + "/" + key + " needs extra headers "
                    + signed.signedHeaders().keySet() + ", so Heroku could not fetch it");
        }
        try {
            return new PresignedDownload(key, copy.size(), signed.expiration(), signed.url().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK signed a malformed URL for s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public UploadResult upload(UploadRequest request) {
        Keys.check(request.key());
        if (request.key().endsWith(SIDECAR_SUFFIX)) {
            throw new IllegalArgumentException("Keys ending in " + SIDECAR_SUFFIX + " are reserved for checksums: "
                    + request.key());
        }
        return uploads.run(request);
    }

    @Override
    public int abortUnfinished(String key) {
        Keys.check(key);
        String doing = errors.doing("listing unfinished uploads to", key);
        int aborted = 0;
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(r -> r.bucket(bucket).prefix(key))
                    .uploads()) {
                if (upload.key().equals(key)) {
                    s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(upload.uploadId()));
                    aborted++;
                }
            }
        } catch (SdkException e) {
            throw errors.translate(e, doing);
        }
        return aborted;
    }

    private HeadObjectResponse headObject(String key) {
        try {
            return s3.headObject(r -> r.bucket(bucket).key(key));
        } catch (S3Exception e) {
            throw explainHeadFailure(key, e);
        } catch (SdkException e) {
            throw errors.translate(e, errors.doing("reading", key));
        }
    }

    /**
     * A HEAD error has no body, so no error code: a 404 may be a missing key or a missing bucket, a 403 may be a
     * wrong secret or a missing permission. Ask again with a one-byte ranged GET (the same permission as HEAD),
     * whose error body says which.
     */
    private S3StoreException explainHeadFailure(String key, S3Exception head) {
        String doing = errors.doing("reading", key);
        try {
            s3.getObject(r -> r.bucket(bucket).key(key).range("bytes=0-0"), ResponseTransformer.toBytes());
        } catch (S3Exception probe) {
            String code = probe.awsErrorDetails() == null ? null : probe.awsErrorDetails().errorCode();
            if ("NoSuchKey".equals(code)) {
                return errors.noSuchKey(key, head);
            }
            if (code != null && !code.isBlank() && !"InvalidRange".equals(code)) {
                return errors.translate(probe, doing);
            }
        } catch (SdkException ignored) {
            // The probe could not tell (network, timeout): report the HEAD failure as it was.
        }
        return head.statusCode() == 404 ? errors.noSuchKey(key, head) : errors.translate(head, doing);
    }

    private CopyMetadata sidecarMetadata(String key, CopyMetadata fromObject) {
        String sidecar = key + SIDECAR_SUFFIX;
        try {
            CopyMetadata fromSidecar = CopyMetadata.fromUserMetadata(
                    s3.headObject(r -> r.bucket(bucket).key(sidecar)).metadata());
            return new CopyMetadata(
                    fromSidecar.sourceBytes().isPresent() ? fromSidecar.sourceBytes() : fromObject.sourceBytes(),
                    fromSidecar.sha256(),
                    fromSidecar.sourceBackup().or(fromObject::sourceBackup));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return fromObject;
            }
            throw errors.translate(e, errors.doing("reading the checksum", sidecar));
        } catch (SdkException e) {
            throw errors.translate(e, errors.doing("reading the checksum", sidecar));
        }
    }

    /** The sidecar's body: one {@code sha256sum} line. */
    static byte[] sidecarBody(String key, String sha256) {
        return (sha256 + "  " + key.substring(key.lastIndexOf('/') + 1) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** S3's key rules, checked before any call so a bad key fails with a clear message. */
    static final class Keys {
        private Keys() {
        }

        static void check(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("An S3 key must not be blank");
            }
            if (key.startsWith("/")) {
                throw new IllegalArgumentException("An S3 key must not start with '/': " + key);
            }
            if (key.getBytes(StandardCharsets.UTF_8).length > 1024) {
                throw new IllegalArgumentException("An S3 key is at most 1024 bytes: " + key.length() + " characters");
            }
        }
    }
}
