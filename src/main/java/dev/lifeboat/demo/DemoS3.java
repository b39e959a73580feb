package dev.lifeboat.demo;

import dev.lifeboat.http.Failure;
import dev.lifeboat.s3.CopyMetadata;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.s3.OffsiteStore;
import dev.lifeboat.s3.PresignedDownload;
import dev.lifeboat.s3.S3StoreException;
import dev.lifeboat.s3.UploadRequest;
import dev.lifeboat.s3.UploadResult;
import dev.lifeboat.s3.UploadSourceException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offsite store for demos: in memory, thread-safe, seeded with twelve nightly copies
 * {@code pg-backups/lifeboat-demo/a001.dump} … {@code a012.dump} (the newest from this morning, by the injected
 * clock). It keeps each copy's size, date and checksum, never its bytes; an upload still reads and hashes the whole
 * stream, so progress, checksums and source failures behave as with S3.
 */
public final class DemoS3 implements OffsiteStore {
    public static final String BUCKET = "lifeboat-demo-backups";
    public static final String SEED_PREFIX = "pg-backups/lifeboat-demo/";
    public static final int SEED_COPIES = DemoIds.NIGHTLY;
    private static final long PROGRESS_EVERY = 8L * 1024 * 1024;

    private record Entry(long size, Instant lastModified, CopyMetadata metadata) {
    }

    private final Clock clock;
    private final Map<String, Entry> objects = new ConcurrentHashMap<>();

    @Inject
    public DemoS3(Clock clock) {
        this.clock = clock;
        seed();
    }

    @Override
    public String bucket() {
        return BUCKET;
    }

    @Override
    public List<OffsiteCopy> list(String prefix) {
        return objects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new OffsiteCopy(e.getKey(), e.getValue().size(), e.getValue().lastModified(),
                        Optional.empty()))
                .sorted(Comparator.comparing(OffsiteCopy::lastModified).thenComparing(OffsiteCopy::key).reversed())
                .toList();
    }

    @Override
    public OffsiteCopy head(String key) {
        Entry entry = objects.get(key);
        if (entry == null) {
            throw new S3StoreException(Failure.NOT_FOUND, 404, "NoSuchKey", "There is no offsite copy at s3://"
                    + BUCKET + "/" + key + ".", null);
        }
        return new OffsiteCopy(key, entry.size(), entry.lastModified(), Optional.of(entry.metadata()));
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    @Override
    public PresignedDownload presignGet(String key, Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_PRESIGN_VALIDITY) > 0) {
            throw new IllegalArgumentException("A presigned URL must be valid for more than 0 and at most 7 days, not "
                    + validity);
        }
        OffsiteCopy copy = head(key);
        String path = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        URI url = URI.create("https://demo-offsite.lifeboat.invalid/" + BUCKET + "/" + path
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=" + validity.toSeconds()
                + "&X-Amz-Signature=demo" + Long.toHexString(clock.millis()));
        return new PresignedDownload(key, copy.size(), clock.instant().plus(validity), url);
    }

    @Override
    public UploadResult upload(UploadRequest request) {
        long started = System.nanoTime();
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        long nextProgress = PROGRESS_EVERY;
        try {
            for (int read; (read = request.body().read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, read);
                bytes += read;
                if (bytes >= nextProgress) {
                    request.progress().stored(bytes);
                    nextProgress += PROGRESS_EVERY;
                }
            }
        } catch (IOException e) {
            throw new UploadSourceException(Failure.UNREACHABLE, bytes, "Reading the backup stream failed after "
                    + bytes + " bytes (" + e.getClass().getSimpleName() + "); nothing was stored at s3://" + BUCKET
                    + "/" + request.key() + ". Run the copy again.", e);
        }
        if (request.length().isPresent() && request.length().getAsLong() != bytes) {
            throw new UploadSourceException(Failure.MALFORMED, bytes, "The backup stream had " + bytes
                    + " bytes but " + request.length().getAsLong() + " were announced; nothing was stored at s3://"
                    + BUCKET + "/" + request.key() + ". Run the copy again.", null);
        }
        request.progress().stored(bytes);
        String hex = HexFormat.of().formatHex(sha256.digest());
        objects.put(request.key(), new Entry(bytes, clock.instant(),
                new CopyMetadata(OptionalLong.of(bytes), Optional.of(hex), request.sourceBackup())));
        long parts = Math.max(1, (bytes + PROGRESS_EVERY - 1) / PROGRESS_EVERY);
        return new UploadResult(request.key(), bytes, hex, (int) parts, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The simulated store never leaves an upload open. */
    @Override
    public int abortUnfinished(String key) {
        return 0;
    }

    /** One copy of each nightly backup of the simulated database, written about 17 minutes after it started. */
    private void seed() {
        Instant now = clock.instant();
        for (int n = 1; n <= SEED_COPIES; n++) {
            String name = String.format("a%03d", n);
            String key = SEED_PREFIX + name + ".dump";
            long size = DemoIds.nightlyDumpBytes(n);
            Instant when = DemoIds.nightlyStart(now, n).plus(Duration.ofMinutes(17)).plusSeconds(n * 37L % 300);
            String hex = HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
            objects.put(key, new Entry(size, when, new CopyMetadata(OptionalLong.of(size), Optional.of(hex),
                    Optional.of(name))));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
