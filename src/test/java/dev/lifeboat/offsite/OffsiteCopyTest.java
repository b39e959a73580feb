package dev.lifeboat.offsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.pgbackups.BackupDownloads;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.s3.GeneratedStream;
import dev.lifeboat.s3.OffsiteStore;
import dev.lifeboat.s3.S3ClientFactory;
import dev.lifeboat.s3.S3Clients;
import dev.lifeboat.s3.S3ProxyExtension;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.s3.S3Tuning;
import dev.lifeboat.s3.UploadResult;
import dev.lifeboat.testing.MemoryOffsiteLedger;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The offsite copy against a real S3-compatible server (S3Proxy): Heroku's download stands in as a generated
 * stream of the backup's size. What is checked is what a person relies on: the object in S3 is the dump byte for
 * byte, its SHA-256 is in Lifeboat's records and in the sidecar; a failed copy leaves nothing (no object, no open
 * multipart upload) and is copied by the next attempt; a repeated run copies nothing.
 */
@ExtendWith(S3ProxyExtension.class)
class OffsiteCopyTest {
    static final String APP = "acme-prod";
    static final String PREFIX = "pg-backups/acme-prod/";
    static final long MIB = 1024 * 1024;
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private final S3ProxyServer server;
    private String bucket;
    private S3Clients clients;
    private OffsiteStore store;
    private final MemoryOffsiteLedger ledger = new MemoryOffsiteLedger();
    private final AtomicLong failAfter = new AtomicLong(Long.MAX_VALUE);
    private final AtomicInteger downloads = new AtomicInteger();
    private OffsiteCopier copier;

    OffsiteCopyTest(S3ProxyServer server) {
        this.server = server;
    }

    @BeforeEach
    void newBucket() {
        bucket = server.createBucket();
        clients = S3ClientFactory.clients(server.settings(bucket), S3Tuning.DEFAULT);
        store = S3ClientFactory.store(server.settings(bucket), clients, S3Tuning.DEFAULT);
        BackupDownloads source = (app, backup) -> {
            downloads.incrementAndGet();
            long length = backup.processedBytes();
            InputStream body = failAfter.get() == Long.MAX_VALUE ? new GeneratedStream(backup.num(), length)
                    : GeneratedStream.failingAfter(backup.num(), length, failAfter.get());
            return new BackupDownloads.Download() {
                @Override
                public InputStream body() {
                    return body;
                }

                @Override
                public OptionalLong length() {
                    return OptionalLong.of(length);
                }

                @Override
                public void close() {
                }
            };
        };
        copier = new OffsiteCopier(source, store, ledger, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        clients.close();
    }

    static Transfer backup(long num, long bytes, Instant finished) {
        return new Transfer("0c48dbea-7e2c-5fce-af2c-8c0d3b1dd4" + String.format("%02d", num), num, "DATABASE",
                "pg_dump", "BACKUP", "gof3r", "https://storage.invalid/b" + num, bytes, bytes, true, 0,
                finished.minusSeconds(300), finished.minusSeconds(290), finished, null, finished, null, List.of());
    }

    @Test
    void aBackupOfOver100MibIsCopiedByteForByteWithItsSizeAndChecksumRecorded() throws Exception {
        long size = 100 * MIB + 12_345;
        Transfer b014 = backup(14, size, NOW.minusSeconds(600));
        List<Long> progress = new ArrayList<>();

        UploadResult result = copier.copy(APP, PREFIX, b014, progress::add);

        String key = PREFIX + "b014.20261202T085000Z.dump";
        String expected = GeneratedStream.sha256(14, size);
        assertEquals(key, result.key());
        assertEquals(size, result.bytes());
        assertEquals(expected, result.sha256());
        assertEquals(size, progress.get(progress.size() - 1));
        try (ResponseInputStream<GetObjectResponse> stored = clients.s3().getObject(r -> r.bucket(bucket).key(key))) {
            assertEquals(size, stored.response().contentLength());
            assertEquals(expected, sha256(stored), "the object in S3 is the dump");
        }
        String sidecar = new String(clients.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key + ".sha256"))
                .asByteArray(), StandardCharsets.UTF_8);
        assertEquals(expected + "  b014.20261202T085000Z.dump\n", sidecar);
        CopyRecord record = ledger.find(APP, "b014").orElseThrow();
        assertEquals(CopyRecord.State.COPIED, record.state());
        assertEquals(OptionalLong.of(size), record.herokuBytes());
        assertEquals(OptionalLong.of(size), record.bytes());
        assertEquals(Optional.of(expected), record.sha256());
        assertTrue(record.verified());
        assertTrue(clients.s3().listMultipartUploads(r -> r.bucket(bucket)).uploads().isEmpty());
    }

    @Test
    void aSourceThatDiesMidStreamLeavesNoObjectNorOpenUploadAndIsCopiedByTheNextAttempt() throws Exception {
        long size = 40 * MIB;
        Transfer b015 = backup(15, size, NOW.minusSeconds(60));
        String key = OffsiteCopier.keyFor(PREFIX, b015);
        failAfter.set(20 * MIB);

        OffsiteCopier.CopyFailed first = assertThrows(OffsiteCopier.CopyFailed.class,
                () -> copier.copy(APP, PREFIX, b015, bytes -> { }));

        assertNothingAt(key);
        assertEquals(1, first.inARow());
        assertTrue(first.announcement().startsWith("b015: "), first.announcement());
        CopyRecord failed = ledger.find(APP, "b015").orElseThrow();
        assertEquals(CopyRecord.State.FAILED, failed.state());
        assertTrue(failed.reason().orElseThrow().contains("nothing was stored") || failed.reason().orElseThrow()
                .contains("bytes"), failed.reason().orElseThrow());
        assertTrue(copier.notNeeded(APP, b015, store.list(PREFIX), Duration.ofMinutes(30)).isEmpty(),
                "a failed copy is still to be made");

        OffsiteCopier.CopyFailed second = assertThrows(OffsiteCopier.CopyFailed.class,
                () -> copier.copy(APP, PREFIX, b015, bytes -> { }));

        assertNothingAt(key);
        assertEquals(2, second.inARow());
        assertTrue(second.announcement().startsWith(":rotating_light: The offsite copy of b015 has failed 2 times in a"
                + " row."), second.announcement());

        failAfter.set(Long.MAX_VALUE);
        UploadResult third = copier.copy(APP, PREFIX, b015, bytes -> { });

        assertEquals(GeneratedStream.sha256(15, size), third.sha256());
        assertEquals(0, ledger.find(APP, "b015").orElseThrow().failures(), "a success ends the failures in a row");
        assertTrue(clients.s3().listMultipartUploads(r -> r.bucket(bucket)).uploads().isEmpty());
    }

    @Test
    void aCopyThatIsThereIsNotMadeAgain() throws Exception {
        Transfer b016 = backup(16, 6 * MIB, NOW.minusSeconds(60));
        Transfer b012 = backup(12, 2 * MIB, NOW.minusSeconds(3600));
        // b012 was copied before Lifeboat kept records: an object of the right size under its name.
        clients.s3().putObject(r -> r.bucket(bucket).key(PREFIX + "b012.dump"),
                software.amazon.awssdk.core.sync.RequestBody.fromInputStream(new GeneratedStream(12, 2 * MIB), 2 * MIB));
        copier.copy(APP, PREFIX, b016, bytes -> { });
        int before = downloads.get();

        assertEquals(Optional.of("already offsite"), copier.notNeeded(APP, b016, store.list(PREFIX),
                Duration.ofMinutes(30)));
        assertEquals(Optional.of("already offsite as b012.dump"), copier.notNeeded(APP, b012, store.list(PREFIX),
                Duration.ofMinutes(30)));
        assertEquals(before, downloads.get(), "nothing downloaded to decide");
    }

    @Test
    void anUploadLeftOpenByADeadProcessIsAbortedBeforeTheCopy() throws Exception {
        Transfer b017 = backup(17, 6 * MIB, NOW.minusSeconds(60));
        String key = OffsiteCopier.keyFor(PREFIX, b017);
        clients.s3().createMultipartUpload(r -> r.bucket(bucket).key(key));
        assertEquals(1, clients.s3().listMultipartUploads(r -> r.bucket(bucket)).uploads().size());

        copier.copy(APP, PREFIX, b017, bytes -> { });

        assertTrue(clients.s3().listMultipartUploads(r -> r.bucket(bucket)).uploads().isEmpty());
    }

    private void assertNothingAt(String key) {
        assertTrue(clients.s3().listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                .noneMatch(o -> o.key().startsWith(key)), "no object and no sidecar at " + key);
        assertTrue(clients.s3().listMultipartUploads(r -> r.bucket(bucket)).uploads().isEmpty(),
                "no open multipart upload");
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
