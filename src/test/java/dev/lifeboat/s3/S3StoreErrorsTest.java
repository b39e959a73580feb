package dev.lifeboat.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lifeboat.config.S3Settings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.http.Failure;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a person is told when S3 fails: against S3Proxy for real refusals (missing bucket, wrong credentials), a
 * closed port, a server that never answers, and a tiny HTTP server replaying S3 error bodies for throttling and 5xx.
 */
@ExtendWith(S3ProxyExtension.class)
class S3StoreErrorsTest {
    private static final String WRONG_SECRET = "not-the-secret-5f0c1d2e";
    private static final S3Tuning FAST = S3Tuning.DEFAULT.withMaxAttempts(1)
            .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2));

    private final S3ProxyServer server;

    S3StoreErrorsTest(S3ProxyServer server) {
        this.server = server;
    }

    @Test
    void missingBucketIsNotFoundNamingTheBucketAndItsVariable() {
        withStore(server.settings("no-such-bucket-here"), store -> {
            List<S3StoreException> failures = List.of(
                    assertThrows(S3StoreException.class, () -> store.list("pg-backups/")),
                    assertThrows(S3StoreException.class, () -> store.head("pg-backups/a001.dump")),
                    assertThrows(S3StoreException.class, () -> store.upload(UploadRequest.of("pg-backups/a.dump",
                            new ByteArrayInputStream(new byte[10])))));
            for (S3StoreException e : failures) {
                assertEquals(Failure.NOT_FOUND, e.failure(), e.getMessage());
                assertEquals(Optional.of("NoSuchBucket"), e.errorCode(), e.getMessage());
                assertTrue(e.getMessage().startsWith("Bucket 'no-such-bucket-here' does not exist at "
                        + server.endpoint() + " (AWS_ENDPOINT_URL_S3)"), e.getMessage());
                assertTrue(e.getMessage().contains("Check LIFEBOAT_BACKUP_BUCKET"), e.getMessage());
            }
            return null;
        });
    }

    @Test
    void wrongSecretIsUnauthorizedNamingBothVariablesButNotTheSecret() {
        String bucket = server.createBucket();
        S3StoreException e = withStore(server.settings(bucket, S3ProxyServer.IDENTITY, WRONG_SECRET),
                store -> assertThrows(S3StoreException.class, () -> store.list("pg-backups/")));

        assertEquals(Failure.UNAUTHORIZED, e.failure(), e.getMessage());
        assertEquals(403, e.status());
        assertEquals(Optional.of("SignatureDoesNotMatch"), e.errorCode());
        assertTrue(e.getMessage().contains("AWS_SECRET_ACCESS_KEY does not match AWS_ACCESS_KEY_ID"), e.getMessage());
        assertFalse(e.getMessage().contains(WRONG_SECRET), e.getMessage());
        assertFalse(e.getMessage().contains(S3ProxyServer.CREDENTIAL), e.getMessage());
    }

    @Test
    void headWithAWrongSecretIsUnauthorizedNotAccessDenied() {
        String bucket = server.createBucket();
        S3StoreException e = withStore(server.settings(bucket, S3ProxyServer.IDENTITY, WRONG_SECRET),
                store -> assertThrows(S3StoreException.class, () -> store.head("pg-backups/a001.dump")));

        assertEquals(Failure.UNAUTHORIZED, e.failure(), e.getMessage());
        assertEquals(Optional.of("SignatureDoesNotMatch"), e.errorCode());
    }

    @Test
    void unknownAccessKeyIsUnauthorizedNamingTheVariables() {
        String bucket = server.createBucket();
        S3StoreException e = withStore(server.settings(bucket, "AKIAUNKNOWN000000000", WRONG_SECRET),
                store -> assertThrows(S3StoreException.class, () -> store.upload(UploadRequest.of("pg-backups/a.dump",
                        new ByteArrayInputStream(new byte[10])))));

        assertEquals(Failure.UNAUTHORIZED, e.failure(), e.getMessage());
        assertEquals(Optional.of("InvalidAccessKeyId"), e.errorCode());
        assertTrue(e.getMessage().startsWith("S3 does not know the access key in AWS_ACCESS_KEY_ID"), e.getMessage());
        assertTrue(e.getMessage().contains("Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains(WRONG_SECRET), e.getMessage());
    }

    @Test
    void closedPortIsUnreachableNamingTheEndpointVariable() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + freePort());
        S3StoreException e = withStore(settings(closed), store ->
                assertThrows(S3StoreException.class, () -> store.list("pg-backups/")));

        assertEquals(Failure.UNREACHABLE, e.failure(), e.getMessage());
        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("Could not reach S3 at " + closed + " (AWS_ENDPOINT_URL_S3) while listing "
                + "s3://offsite/pg-backups/"), e.getMessage());
        assertTrue(e.getMessage().contains("Check AWS_ENDPOINT_URL_S3"), e.getMessage());
    }

    @Test
    void serverThatNeverAnswersIsATimeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());

            S3StoreException e = withStore(settings(endpoint), store ->
                    assertThrows(S3StoreException.class, () -> store.head("pg-backups/a001.dump")));

            assertEquals(Failure.TIMEOUT, e.failure(), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer in time while reading s3://offsite/pg-backups/a001.dump"),
                    e.getMessage());
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void slowDownIsRateLimited() throws Exception {
        S3StoreException e = againstCannedError(503, "SlowDown", "Please reduce your request rate.",
                store -> assertThrows(S3StoreException.class, () -> store.list("pg-backups/")));

        assertEquals(Failure.RATE_LIMITED, e.failure(), e.getMessage());
        assertEquals(503, e.status());
        assertTrue(e.getMessage().startsWith("S3 is throttling requests"), e.getMessage());
    }

    @Test
    void internalErrorIsAServerErrorToRetryLater() throws Exception {
        S3StoreException e = againstCannedError(500, "InternalError", "We encountered an internal error.",
                store -> assertThrows(S3StoreException.class, () -> store.list("pg-backups/")));

        assertEquals(Failure.SERVER_ERROR, e.failure(), e.getMessage());
        assertTrue(e.getMessage().startsWith("S3 failed with InternalError (HTTP 500) while listing"), e.getMessage());
        assertTrue(e.getMessage().contains("Try again in a few minutes"), e.getMessage());
    }

    @Test
    void accessDeniedIsForbiddenListingThePermissionsNeeded() throws Exception {
        S3StoreException e = againstCannedError(403, "AccessDenied", "Access Denied",
                store -> assertThrows(S3StoreException.class, () -> store.delete("pg-backups/a001.dump")));

        assertEquals(Failure.FORBIDDEN, e.failure(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Access denied (AccessDenied (HTTP 403)) while deleting "
                + "s3://offsite/pg-backups/a001.dump"), e.getMessage());
        assertTrue(e.getMessage().contains("s3:DeleteObject"), e.getMessage());
    }

    @Test
    void uploadFailingOnAPartIsAbortedBeforeTheErrorIsReported() throws Exception {
        List<String> requests = new ArrayList<>();

        S3StoreException e = uploadAgainstFailingParts(204, requests);

        assertEquals(Failure.SERVER_ERROR, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("while uploading to s3://offsite/k, part 1"), e.getMessage());
        assertFalse(e.getMessage().contains("Aborting"), e.getMessage());
        assertEquals(List.of("POST uploads", "PUT partNumber&uploadId", "DELETE uploadId"), requests);
    }

    @Test
    void abortThatFailsTooIsReportedWithHowLeftoverPartsGoAway() throws Exception {
        S3StoreException e = uploadAgainstFailingParts(500, new ArrayList<>());

        assertEquals(Failure.SERVER_ERROR, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("Aborting the multipart upload failed as well"), e.getMessage());
        assertTrue(e.getMessage().contains("AbortIncompleteMultipartUpload"), e.getMessage());
        assertEquals(1, e.getCause().getSuppressed().length);
    }

    /** A server that starts multipart uploads, fails every part with a 500 and answers aborts with abortStatus. */
    private S3StoreException uploadAgainstFailingParts(int abortStatus, List<String> requests) throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            requests.add(exchange.getRequestMethod() + " " + query.replaceAll("=[^&]*", ""));
            byte[] out;
            int status;
            if (query.startsWith("uploads")) {
                status = 200;
                out = ("<InitiateMultipartUploadResult><Bucket>offsite</Bucket><Key>k</Key><UploadId>u1</UploadId>"
                        + "</InitiateMultipartUploadResult>").getBytes(StandardCharsets.UTF_8);
            } else if (exchange.getRequestMethod().equals("DELETE") && abortStatus == 204) {
                status = 204;
                out = new byte[0];
            } else {
                status = 500;
                out = "<Error><Code>InternalError</Code><Message>boom</Message></Error>".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        http.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
            return withStore(settings(endpoint), store -> assertThrows(S3StoreException.class,
                    () -> store.upload(UploadRequest.of("k", new GeneratedStream(1, 9L * 1024 * 1024)))));
        } finally {
            http.stop(0);
        }
    }

    private <T> T againstCannedError(int status, String code, String message, Function<OffsiteStore, T> call)
            throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                    + message + "</Message><RequestId>R1</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try {
            T result = withStore(settings(URI.create("http://127.0.0.1:" + http.getAddress().getPort())), call);
            assertEquals(1, calls.get(), "one attempt with maxAttempts 1");
            return result;
        } finally {
            http.stop(0);
        }
    }

    private static <T> T withStore(S3Settings settings, Function<OffsiteStore, T> use) {
        try (S3Clients clients = S3ClientFactory.clients(settings, FAST)) {
            return use.apply(S3ClientFactory.store(settings, clients, FAST));
        }
    }

    private static S3Settings settings(URI endpoint) {
        return new S3Settings(Optional.of("AKIATEST"), Optional.of(new Secret("test-secret")), Optional.empty(),
                Optional.of(endpoint), Optional.of("offsite"), S3Settings.DEFAULT_PREFIX, 30, 26);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
