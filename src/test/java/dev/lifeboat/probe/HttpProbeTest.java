package dev.lifeboat.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lifeboat.probe.ProbeResult.Outcome;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.lifeboat.testing.RawSite;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {
    WireMockServer wire;
    HttpProbe probe;

    @BeforeEach
    void start() {
        wire = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort());
        wire.start();
        probe = new HttpProbe(new OkHttpClient());
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    URI url(String path) {
        return URI.create("http://localhost:" + wire.port() + path);
    }

    @Test
    void anAnsweringAppIsUpWithItsStatusAndLatency() {
        wire.stubFor(get("/up").willReturn(aResponse().withStatus(200).withBody("ok")));

        ProbeResult result = probe.probe(url("/up"), Duration.ofSeconds(2));

        assertEquals(Outcome.UP, result.outcome());
        assertEquals(Optional.of(200), result.status());
        assertTrue(result.describe().matches("200 in \\d+ ms"), result.describe());
    }

    @Test
    void aServerErrorIsAnHttpErrorWithHerokusRouterCode() {
        wire.stubFor(get("/up").willReturn(aResponse().withStatus(503).withHeader("X-Heroku-Error", "H10")));

        ProbeResult result = probe.probe(url("/up"), Duration.ofSeconds(2));

        assertEquals(Outcome.HTTP_ERROR, result.outcome());
        assertEquals(Optional.of(503), result.status());
        assertTrue(result.describe().endsWith(" — Heroku router H10"), result.describe());
    }

    @Test
    void redirectsAreFollowedAndCounted() {
        wire.stubFor(get("/").willReturn(aResponse().withStatus(301).withHeader("Location", "/home")));
        wire.stubFor(get("/home").willReturn(aResponse().withStatus(302).withHeader("Location", "http://localhost:" + wire.port() + "/home/")));
        wire.stubFor(get("/home/").willReturn(aResponse().withStatus(200)));

        ProbeResult result = probe.probe(url("/"), Duration.ofSeconds(2));

        assertEquals(Outcome.UP, result.outcome());
        assertEquals(2, result.redirects());
        assertEquals(url("/home/"), result.finalUrl());
        assertTrue(result.describe().endsWith("(after 2 redirects)"), result.describe());
    }

    @Test
    void aRedirectLoopStops() {
        wire.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
        wire.stubFor(get("/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/a")));

        ProbeResult result = probe.probe(url("/a"), Duration.ofSeconds(2));

        assertEquals(Outcome.REDIRECT_LOOP, result.outcome());
        assertEquals(HttpProbe.MAX_REDIRECTS, result.redirects());
    }

    @Test
    void aHangingAppTimesOutAtTheDeadline() {
        wire.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));

        ProbeResult result = probe.probe(url("/slow"), Duration.ofMillis(400));

        assertEquals(Outcome.TIMEOUT, result.outcome());
        assertTrue(result.latency().toMillis() < 3_000, "stopped before the answer would have come: " + result.latency());
        assertTrue(result.describe().startsWith("timed out after "), result.describe());
    }

    @Test
    void aRefusedConnectionIsAConnectFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        ProbeResult result = probe.probe(URI.create("http://127.0.0.1:" + closed + "/"), Duration.ofSeconds(2));

        assertEquals(Outcome.CONNECT_FAILURE, result.outcome());
        assertEquals("connection refused", result.describe());
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        HttpProbe noDns = new HttpProbe(new OkHttpClient.Builder().dns(host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        }).build());

        ProbeResult result = noDns.probe(URI.create("https://app.example.invalid/"), Duration.ofSeconds(2));

        assertEquals(Outcome.DNS_FAILURE, result.outcome());
        assertEquals("DNS lookup failed: host not found", result.describe());
    }

    @Test
    void anUntrustedCertificateIsATlsFailure() {
        wire.stubFor(get("/").willReturn(aResponse().withStatus(200)));

        ProbeResult result = probe.probe(URI.create("https://localhost:" + wire.httpsPort() + "/"), Duration.ofSeconds(3));

        assertEquals(Outcome.TLS_FAILURE, result.outcome());
        assertEquals("TLS failed: certificate not trusted", result.describe());
    }

    @Test
    void aKeptAliveConnectionTheSiteClosedWhileIdleIsNotTheSiteBeingDown() throws Exception {
        try (RawSite site = RawSite.start()) {
            assertEquals(Outcome.UP, probe.probe(site.uri("/"), Duration.ofSeconds(2)).outcome());
            site.closeIdleConnections();

            ProbeResult second = probe.probe(site.uri("/"), Duration.ofSeconds(2));

            assertEquals(Outcome.UP, second.outcome(), second.describe());
            assertEquals(2, site.connections(), "the second probe went out again on a fresh connection");
        }
    }

    @Test
    void aFreshConnectionThatFailsIsNotTriedAgain() throws Exception {
        try (RawSite site = RawSite.start()) {
            site.mode(RawSite.Mode.CLOSE_BEFORE_ANSWER);

            ProbeResult result = probe.probe(site.uri("/"), Duration.ofSeconds(2));

            assertEquals(Outcome.CONNECT_FAILURE, result.outcome());
            assertEquals("connection closed before a response", result.describe());
            assertEquals(1, site.requests(), "a site that really fails is reported, not hammered");
        }
    }

    @Test
    void aResetConnectionIsSaidInWords() throws Exception {
        try (RawSite site = RawSite.start()) {
            site.mode(RawSite.Mode.RESET);

            ProbeResult result = probe.probe(site.uri("/"), Duration.ofSeconds(2));

            assertEquals(Outcome.CONNECT_FAILURE, result.outcome());
            assertTrue(List.of("connection reset", "connection closed before a response").contains(result.describe()),
                    result.describe());
        }
    }

    @Test
    void failuresAreExplainedInWordsNeverAsAClassName() {
        Duration after = Duration.ofMillis(3_850);
        assertEquals("timed out after 3850 ms", HttpProbe.explain(new java.net.SocketTimeoutException("Read timed out"), after));
        assertEquals("timed out after 3850 ms", HttpProbe.explain(new java.io.InterruptedIOException("timeout"), after));
        assertEquals("connection reset", HttpProbe.explain(new java.net.SocketException("Connection reset"), after));
        assertEquals("connection closed before a response",
                HttpProbe.explain(new java.io.IOException("unexpected end of stream on http://127.0.0.1:1/..."), after));
        assertEquals("connection closed before a response", HttpProbe.explain(new java.io.EOFException(), after));
        assertEquals("cancelled before an answer", HttpProbe.explain(new java.io.IOException("Canceled"), after));
        assertEquals("connection refused", HttpProbe.explain(new java.net.ConnectException("Connection refused"), after));
        assertEquals("no route to host", HttpProbe.explain(new java.net.NoRouteToHostException("No route"), after));
        assertEquals("connection broken while sending the request",
                HttpProbe.explain(new java.net.SocketException("Broken pipe"), after));
        assertEquals("connection failed before a response", HttpProbe.explain(new java.io.IOException(), after));
    }
}
