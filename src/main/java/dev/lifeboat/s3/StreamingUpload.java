package dev.lifeboat.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One streaming upload: reads the body into a part buffer, hashing as it reads, and sends each full buffer as a
 * multipart part while the next is read into a second buffer. Memory is two parts (8 MiB each by default; see
 * {@link PartSizing} for when they grow),
 * whatever the body's size. A body smaller than one part goes up in a single PUT with its metadata.
 *
 * <p>Any failure after the multipart upload was created (the source throws or ends early, S3 refuses a part, the
 * progress listener throws, the thread is interrupted) aborts the upload, so S3 keeps neither an object nor parts.
 * The checksum is known only at the end, so a multipart copy's SHA-256 goes to a small sidecar object {@code KEY.sha256}
 * (never a server-side self-copy, which would read the whole object again). If writing it fails after completion,
 * the object is deleted: a copy we cannot verify is not a copy.
 */
final class StreamingUpload {
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;
    private final S3Errors errors;
    private final S3Tuning tuning;

    StreamingUpload(S3Client s3, String bucket, S3Errors errors, S3Tuning tuning) {
        this.s3 = s3;
        this.bucket = bucket;
        this.errors = errors;
        this.tuning = tuning;
    }

    UploadResult run(UploadRequest request) {
        long started = System.nanoTime();
        String key = request.key();
        String doing = errors.doing("uploading to", key);
        Source source = new Source(request, errors);
        PartSizing sizing = PartSizing.forLength(request.length(), tuning.partSize());

        byte[] buffer = new byte[sizing.partSize(1)];
        int filled = source.fill(buffer, buffer.length);
        if (filled < buffer.length) {
            source.requireEnd();
            CopyMetadata metadata = source.metadata(request.sourceBackup());
            putSmall(key, buffer, filled, metadata, doing);
            try {
                request.progress().stored(filled);
            } catch (RuntimeException cancelled) {
                deleteQuietly(key, cancelled);
                throw cancelled;
            }
            return new UploadResult(key, filled, metadata.sha256().orElseThrow(), 1, since(started));
        }

        String uploadId = create(key, request, doing);
        int partNumber = 0;
        // Two buffers: while one part uploads on its own thread, the next is read (and hashed) into the other.
        ExecutorService uploader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lifeboat-s3-part");
            thread.setDaemon(true);
            return thread;
        });
        Future<CompletedPart> inFlight = null;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] spare = null;
            byte[] inFlightBuffer = null;
            long uploaded = 0;
            long inFlightBytes = 0;
            while (true) {
                partNumber++;
                if (inFlight != null) {
                    parts.add(await(inFlight, doing, partNumber - 1));
                    uploaded += inFlightBytes;
                    request.progress().stored(uploaded);
                    spare = inFlightBuffer;
                }
                byte[] part = buffer;
                int length = filled;
                int number = partNumber;
                inFlight = uploader.submit(() -> uploadPart(key, uploadId, number, part, length));
                inFlightBuffer = part;
                inFlightBytes = length;
                if (filled < buffer.length) {
                    break;
                }
                if (partNumber == PartSizing.MAX_PARTS) {
                    source.requireEndAfterLastPart(sizing.capacity());
                    break;
                }
                int next = sizing.partSize(partNumber + 1);
                buffer = spare != null && spare.length >= next ? spare : new byte[next];
                spare = null;
                filled = source.fill(buffer, next);
                if (filled == 0) {
                    break;
                }
            }
            parts.add(await(inFlight, doing, partNumber));
            inFlight = null;
            request.progress().stored(uploaded + inFlightBytes);
            source.requireEnd();
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (SdkException e) {
            settle(inFlight);
            throw abort(key, uploadId, errors.translateMultipart(e, doing + ", part " + partNumber));
        } catch (RuntimeException | Error e) {
            settle(inFlight);
            throw abort(key, uploadId, e);
        } finally {
            uploader.shutdownNow();
        }

        CopyMetadata metadata = source.metadata(request.sourceBackup());
        recordChecksum(key, metadata, doing);
        return new UploadResult(key, source.bytes(), metadata.sha256().orElseThrow(), partNumber, since(started));
    }

    /** The uploaded part, or its failure as this upload's exception. */
    private CompletedPart await(Future<CompletedPart> part, String doing, int number) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw errors.translateMultipart(sdk, doing + ", part " + number);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Lets a part still uploading finish (or fail) before the upload is aborted, so nothing lands after the abort. */
    private static void settle(Future<CompletedPart> part) {
        if (part == null) {
            return;
        }
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // Already failing: the upload is being aborted either way.
        }
    }

    private void putSmall(String key, byte[] buffer, int length, CopyMetadata metadata, String doing) {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(CONTENT_TYPE).contentLength((long) length)
                    .metadata(metadata.toUserMetadata()), body(buffer, length));
        } catch (SdkException e) {
            throw errors.translate(e, doing);
        }
    }

    /** Starts the upload with what is known now; the checksum goes to the sidecar at the end (see {@link S3OffsiteStore}). */
    private String create(String key, UploadRequest request, String doing) {
        Map<String, String> metadata = new HashMap<>(new CopyMetadata(request.length(), Optional.empty(),
                request.sourceBackup()).toUserMetadata());
        metadata.put(CopyMetadata.SHA256_SIDECAR, key + S3OffsiteStore.SIDECAR_SUFFIX);
        try {
            return s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(CONTENT_TYPE)
                    .metadata(metadata)).uploadId();
        } catch (SdkException e) {
            throw errors.translate(e, doing);
        }
    }

    private CompletedPart uploadPart(String key, String uploadId, int partNumber, byte[] buffer, int length) {
        String eTag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                .contentLength((long) length), body(buffer, length)).eTag();
        return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
    }

    /** A body over the buffer without copying it; the SDK can re-read it to retry. */
    private static RequestBody body(byte[] buffer, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                CONTENT_TYPE);
    }

    /**
     * Aborts the multipart upload (with the thread's interrupt flag cleared for the call, then restored) and returns
     * the exception to throw: the failure itself, or, if the abort failed too, one whose message says parts may
     * remain and how they go away. An {@link Error} is rethrown as it is, with the abort failure suppressed.
     */
    private RuntimeException abort(String key, String uploadId, Throwable failure) {
        boolean interrupted = Thread.interrupted();
        S3StoreException leftover = null;
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException abortFailed) {
            leftover = errors.translate(abortFailed, errors.doing("aborting the upload to", key));
            failure.addSuppressed(leftover);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (leftover == null || !(failure instanceof S3StoreException original)) {
            return (RuntimeException) failure;
        }
        return new S3StoreException(original.failure(), original.status(), original.errorCode().orElse(null),
                original.getMessage() + " Aborting the multipart upload failed as well (" + leftover.getMessage()
                        + "), so its parts may remain until a lifecycle rule with AbortIncompleteMultipartUpload "
                        + "removes them.", failure);
    }

    /**
     * Writes the sidecar {@code KEY.sha256} with the checksum and the source's size. The object itself is not touched
     * again: a server-side self-copy to attach metadata would make S3 read the whole object a second time.
     */
    private void recordChecksum(String key, CopyMetadata metadata, String doing) {
        try {
            byte[] sidecar = S3OffsiteStore.sidecarBody(key, metadata.sha256().orElseThrow());
            s3.putObject(r -> r.bucket(bucket).key(key + S3OffsiteStore.SIDECAR_SUFFIX)
                    .contentType("text/plain").metadata(metadata.toUserMetadata()), RequestBody.fromBytes(sidecar));
        } catch (SdkException e) {
            S3StoreException failure = errors.translate(e, "recording the checksum of " + doing.replace(
                    "uploading to ", ""));
            deleteQuietly(key, failure);
            throw new S3StoreException(failure.failure(), failure.status(), failure.errorCode().orElse(null),
                    failure.getMessage() + " The uploaded copy was deleted, since it could not be verified later; "
                            + "run the copy again.", e);
        }
    }

    private void deleteQuietly(String key, RuntimeException failure) {
        for (String doomed : List.of(key, key + S3OffsiteStore.SIDECAR_SUFFIX)) {
            try {
                s3.deleteObject(r -> r.bucket(bucket).key(doomed));
            } catch (SdkException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The body being read: counts and hashes every byte, and checks the declared length. */
    private static final class Source {
        private final InputStream in;
        private final OptionalLong declared;
        private final String key;
        private final S3Errors errors;
        private final MessageDigest sha256;
        private long bytes;

        Source(UploadRequest request, S3Errors errors) {
            this.in = request.body();
            this.declared = request.length();
            this.key = request.key();
            this.errors = errors;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        }

        long bytes() {
            return bytes;
        }

        /** Reads until {@code length} bytes are in {@code buffer} or the body ends; returns how many. */
        int fill(byte[] buffer, int length) {
            int filled = 0;
            try {
                while (filled < length) {
                    int read = in.read(buffer, filled, length - filled);
                    if (read < 0) {
                        break;
                    }
                    sha256.update(buffer, filled, read);
                    filled += read;
                    bytes += read;
                    if (declared.isPresent() && bytes > declared.getAsLong()) {
                        throw errors.sourceLength(key, bytes, declared.getAsLong());
                    }
                }
            } catch (IOException e) {
                throw errors.sourceFailed(key, bytes, e);
            } catch (UncheckedIOException e) {
                throw errors.sourceFailed(key, bytes, e.getCause());
            }
            return filled;
        }

        /** The body has ended: fails if it was declared longer. */
        void requireEnd() {
            if (declared.isPresent() && bytes != declared.getAsLong()) {
                throw errors.sourceLength(key, bytes, declared.getAsLong());
            }
        }

        /** After the 10,000th part the body must be over. */
        void requireEndAfterLastPart(long capacity) {
            if (fill(new byte[1], 1) > 0) {
                throw errors.sourceTooLarge(key, capacity);
            }
        }

        CopyMetadata metadata(Optional<String> sourceBackup) {
            return new CopyMetadata(OptionalLong.of(bytes), Optional.of(HexFormat.of().formatHex(sha256.digest())),
                    sourceBackup);
        }
    }
}
