package dev.lifeboat.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.http.Failure;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The real store against a real S3-compatible server (S3Proxy), through the production client factory. */
@ExtendWith(S3ProxyExtension.class)
class S3OffsiteStoreTest {
    private static final int MIB = 1024 * 1024;

    private final S3ProxyServer server;
    private String bucket;
    private S3Clients clients;
    private OffsiteStore store;

    S3OffsiteStoreTest(S3ProxyServer server) {
        this.server = server;
    }

    @BeforeEach
    void newBucket() {
        bucket = server.createBucket();
        clients = S3ClientFactory.clients(server.settings(bucket), S3Tuning.DEFAULT);
        store = S3ClientFactory.store(server.settings(bucket), clients, S3Tuning.DEFAULT);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void streamOfUnknownLengthGoesUpInPartsAndReadsBackWithTheSameSha256() throws Exception {
        long length = 64L * MIB + 12_345;
        String key = "pg-backups/app/a042.dump";
        List<Long> progress = new ArrayList<>();

        UploadResult result = store.upload(UploadRequest.of(key, new GeneratedStream(42, length))
                .withSourceBackup("a042").withProgress(progress::add));

        String expected = GeneratedStream.sha256(42, length);
        assertEquals(length, result.bytes());
        assertEquals(expected, result.sha256());
        assertEquals(9, result.parts(), "eight full 8 MiB parts and a short last one");
        assertEquals(9, progress.size());
        assertEquals(length, progress.get(progress.size() - 1));
        try (ResponseInputStream<GetObjectResponse> stored = s3().getObject(r -> r.bucket(bucket).key(key))) {
            assertEquals(length, stored.response().contentLength());
            assertEquals(expected, sha256Of(stored));
        }
        OffsiteCopy head = store.head(key);
        assertEquals(length, head.size());
        CopyMetadata metadata = head.metadata().orElseThrow();
        assertEquals(OptionalLong.of(length), metadata.sourceBytes());
        assertEquals(Optional.of(expected), metadata.sha256());
        assertEquals(Optional.of("a042"), metadata.sourceBackup());
        assertTrue(s3().headObject(r -> r.bucket(bucket).key(key)).metadata()
                .containsKey(CopyMetadata.SHA256_SIDECAR), "no self-copy: the object keeps its start-time metadata");
        assertEquals(expected + "  a042.dump\n", new String(s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key(key + ".sha256")).asByteArray(), StandardCharsets.UTF_8), "the checksum is in the sidecar");
        assertTrue(openUploads().isEmpty());
    }

    @Test
    void bodySmallerThanOnePartGoesUpInOnePutWithItsChecksum() throws Exception {
        byte[] body = "a small dump".getBytes(StandardCharsets.UTF_8);

        UploadResult result = store.upload(UploadRequest.of("pg-backups/app/small.dump",
                new ByteArrayInputStream(body)).withLength(body.length));

        assertEquals(1, result.parts());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)), result.sha256());
        CopyMetadata metadata = store.head("pg-backups/app/small.dump").metadata().orElseThrow();
        assertEquals(Optional.of(result.sha256()), metadata.sha256());
        assertEquals(OptionalLong.of(body.length), metadata.sourceBytes());
    }

    @Test
    void multipartCopiesKeepTheirChecksumInAHiddenSidecar() throws Exception {
        OffsiteStore sidecarStore = store;
        long length = 12L * MIB;
        String key = "pg-backups/app/big.dump";

        UploadResult result = sidecarStore.upload(UploadRequest.of(key, new GeneratedStream(7, length))
                .withSourceBackup("b007"));

        assertEquals(2, result.parts());
        String sidecar = new String(s3().getObjectAsBytes(r -> r.bucket(bucket).key(key + ".sha256")).asByteArray(),
                StandardCharsets.UTF_8);
        assertEquals(GeneratedStream.sha256(7, length) + "  big.dump\n", sidecar);
        CopyMetadata metadata = sidecarStore.head(key).metadata().orElseThrow();
        assertEquals(Optional.of(result.sha256()), metadata.sha256());
        assertEquals(OptionalLong.of(length), metadata.sourceBytes());
        assertEquals(Optional.of("b007"), metadata.sourceBackup());
        assertEquals(List.of(key), keys(sidecarStore.list("pg-backups/")));

        sidecarStore.delete(key);

        assertTrue(s3().listObjectsV2(r -> r.bucket(bucket)).contents().isEmpty(), "copy and sidecar deleted");
    }

    @Test
    void sourceFailingMidStreamAbortsTheUploadAndLeavesNothing() {
        String key = "pg-backups/app/broken.dump";

        UploadSourceException e = assertThrows(UploadSourceException.class, () -> store.upload(UploadRequest.of(key,
                GeneratedStream.failingAfter(1, 64L * MIB, 20L * MIB))));

        assertEquals(20L * MIB, e.bytesRead());
        assertTrue(e.getMessage().contains("after 20.0 MiB"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was stored"), e.getMessage());
        assertNoObject(key);
        assertTrue(openUploads().isEmpty(), "the multipart upload was aborted");
    }

    @Test
    void sourceEndingBeforeItsAnnouncedLengthIsRefusedAndLeavesNothing() {
        String key = "pg-backups/app/short.dump";

        UploadSourceException e = assertThrows(UploadSourceException.class, () -> store.upload(UploadRequest.of(key,
                new GeneratedStream(3, 17L * MIB)).withLength(20L * MIB)));

        assertEquals(Failure.MALFORMED, e.failure());
        assertTrue(e.getMessage().contains("20971520 bytes were announced"), e.getMessage());
        assertNoObject(key);
        assertTrue(openUploads().isEmpty());
    }

    @Test
    void listenerThrowingCancelsTheUploadWithItsOwnExceptionAndLeavesNothing() {
        String key = "pg-backups/app/cancelled.dump";
        IllegalStateException cancel = new IllegalStateException("cancelled by the runbook");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.upload(UploadRequest.of(key,
                new GeneratedStream(5, 40L * MIB)).withProgress(bytes -> {
                    throw cancel;
                })));

        assertSame(cancel, e);
        assertNoObject(key);
        assertTrue(openUploads().isEmpty());
    }

    @Test
    void listenerThrowingOnASmallBodyLeavesNothingEither() {
        String key = "pg-backups/app/cancelled-small.dump";
        IllegalStateException cancel = new IllegalStateException("cancelled by the runbook");

        assertSame(cancel, assertThrows(IllegalStateException.class, () -> store.upload(UploadRequest.of(key,
                new ByteArrayInputStream(new byte[100])).withProgress(bytes -> {
                    throw cancel;
                }))));

        assertNoObject(key);
    }

    @Test
    void uploadAbortedByAnotherProcessFailsTypedAndLeavesNothing() {
        String key = "pg-backups/app/raced.dump";

        S3StoreException e = assertThrows(S3StoreException.class, () -> store.upload(UploadRequest.of(key,
                new GeneratedStream(6, 40L * MIB)).withProgress(bytes -> openUploads().forEach(u -> s3()
                        .abortMultipartUpload(r -> r.bucket(bucket).key(u.key()).uploadId(u.uploadId()))))));

        assertEquals(Failure.NOT_FOUND, e.failure(), e.getMessage());
        assertTrue(e.getMessage().startsWith("The multipart upload was aborted by someone else"), e.getMessage());
        assertNoObject(key);
        assertTrue(openUploads().isEmpty());
    }

    /** Guards the two checks above: an unfinished upload is visible, so "no open upload" means something. */
    @Test
    void unfinishedMultipartUploadIsListedByTheServer() {
        String id = s3().createMultipartUpload(r -> r.bucket(bucket).key("pg-backups/app/open.dump")).uploadId();

        assertEquals(List.of(id), openUploads().stream().map(MultipartUpload::uploadId).toList());
    }

    @Test
    void listShowsCopiesNewestFirstAndNotOtherPrefixes() throws Exception {
        Instant base = Instant.parse("2025-06-01T02:00:00Z");
        putAt("pg-backups/app/a001.dump", base.plus(Duration.ofDays(1)));
        putAt("pg-backups/app/a002.dump", base.plus(Duration.ofDays(2)));
        putAt("pg-backups/app/a000.dump", base);
        putAt("other/a003.dump", base.plus(Duration.ofDays(3)));

        List<OffsiteCopy> copies = store.list("pg-backups/app/");

        assertEquals(List.of("pg-backups/app/a002.dump", "pg-backups/app/a001.dump", "pg-backups/app/a000.dump"),
                keys(copies));
        assertEquals(base.plus(Duration.ofDays(2)), copies.get(0).lastModified());
        assertEquals(8, copies.get(0).size());
        assertTrue(copies.get(0).metadata().isEmpty());
    }

    /** S3 returns at most 1,000 keys a page. The objects are stored through jclouds directly, to be quick. */
    @Test
    void listPagesThroughMoreThanOneThousandKeys() {
        for (int i = 0; i < 1_005; i++) {
            server.putDirect(bucket, String.format("pg-backups/many/k%04d.dump", i), new byte[] {1});
        }

        List<OffsiteCopy> copies = store.list("pg-backups/many/");

        assertEquals(1_005, copies.size());
        assertEquals(1_005, copies.stream().map(OffsiteCopy::key).distinct().count());
    }

    @Test
    void headOfAMissingKeyIsNotFoundNamingTheKey() {
        S3StoreException e = assertThrows(S3StoreException.class, () -> store.head("pg-backups/app/nope.dump"));

        assertEquals(Failure.NOT_FOUND, e.failure());
        assertEquals(Optional.of("NoSuchKey"), e.errorCode());
        assertTrue(e.getMessage().contains("s3://" + bucket + "/pg-backups/app/nope.dump"), e.getMessage());
    }

    @Test
    void deleteRemovesTheCopyAndIsQuietTheSecondTime() throws Exception {
        putAt("pg-backups/app/gone.dump", Instant.now());

        store.delete("pg-backups/app/gone.dump");
        store.delete("pg-backups/app/gone.dump");

        assertNoObject("pg-backups/app/gone.dump");
    }

    @Test
    void presignedUrlServesTheBodyToAPlainHttpGetAndNeverPrintsItsSignature() throws Exception {
        byte[] body = "restore me".getBytes(StandardCharsets.UTF_8);
        store.upload(UploadRequest.of("pg-backups/app/a050.dump", new ByteArrayInputStream(body)));

        PresignedDownload download = store.presignGet("pg-backups/app/a050.dump", Duration.ofMinutes(10));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(download.revealUrl()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertEquals(new String(body, StandardCharsets.UTF_8), new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(download.revealUrl().getRawQuery().contains("X-Amz-Signature="), "a real presigned URL");
        assertTrue(download.revealUrl().getPath().startsWith("/" + bucket + "/"), "path-style");
        assertFalse(download.toString().contains("X-Amz-Signature"), download.toString());
        assertFalse(download.toString().contains(download.revealUrl().getRawQuery()), download.toString());
        assertTrue(download.toString().contains(server.endpoint() + "/" + bucket + "/pg-backups/app/a050.dump?…"),
                download.toString());
        assertEquals(body.length, download.size());
    }

    @Test
    void presignRefusesMoreThanSevenDaysAndMissingKeys() throws Exception {
        store.upload(UploadRequest.of("pg-backups/app/x.dump", new ByteArrayInputStream(new byte[1])));

        assertThrows(IllegalArgumentException.class, () -> store.presignGet("pg-backups/app/x.dump",
                Duration.ofDays(7).plusSeconds(1)));
        assertEquals(Failure.NOT_FOUND, assertThrows(S3StoreException.class,
                () -> store.presignGet("pg-backups/app/missing.dump")).failure());
    }

    private S3Client s3() {
        return clients.s3();
    }

    private List<MultipartUpload> openUploads() {
        return s3().listMultipartUploads(r -> r.bucket(bucket)).uploads();
    }

    private void assertNoObject(String key) {
        assertThrows(NoSuchKeyException.class, () -> s3().headObject(r -> r.bucket(bucket).key(key)));
        assertTrue(s3().listObjectsV2(r -> r.bucket(bucket)).contents().stream().noneMatch(o -> o.key().equals(key)));
    }

    /** Stores 8 bytes at {@code key} and sets its modification time on the server's disk. */
    private void putAt(String key, Instant when) throws Exception {
        store.upload(UploadRequest.of(key, new ByteArrayInputStream("12345678".getBytes(StandardCharsets.UTF_8))));
        Files.setLastModifiedTime(server.bucketDirectory(bucket).resolve(key), FileTime.from(when));
    }

    private static List<String> keys(List<OffsiteCopy> copies) {
        return copies.stream().map(OffsiteCopy::key).toList();
    }

    private static String sha256Of(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
