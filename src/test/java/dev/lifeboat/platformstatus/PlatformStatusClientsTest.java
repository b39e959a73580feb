package dev.lifeboat.platformstatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.HttpModule;
import dev.lifeboat.http.Json;
import dev.lifeboat.platformstatus.PlatformStatus.Level;
import dev.lifeboat.testing.Fixtures;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformStatusClientsTest {
    WireMockServer wire;
    OkHttpClient client;

    @BeforeEach
    void start() {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        client = PlatformStatusModule.statusClient(new OkHttpClient.Builder().build()).newBuilder()
                .readTimeout(Duration.ofMillis(500)).build();
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    HerokuStatusClient heroku() {
        return new HerokuStatusClient(client, Json.newMapper(), URI.create(wire.baseUrl()));
    }

    StatuspageSummaryClient netlify() {
        return new StatuspageSummaryClient("Netlify", client, Json.newMapper(), URI.create(wire.baseUrl() + "/"));
    }

    @Test
    void herokuAllGreen() {
        wire.stubFor(get("/api/v4/current-status").willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json"))));

        PlatformStatus status = heroku().current();

        assertEquals(Level.OPERATIONAL, status.level());
        assertEquals("All systems green", status.summary());
        assertEquals(3, status.systems().size());
        assertTrue(status.incidents().isEmpty());
        wire.verify(getRequestedFor(urlEqualTo("/api/v4/current-status")));
    }

    @Test
    void herokuIncidentNamesTheAffectedSystemsAndLinksTheIncident() {
        wire.stubFor(get("/api/v4/current-status").willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-incident.json"))));

        PlatformStatus status = heroku().current();

        assertEquals(Level.OUTAGE, status.level());
        assertEquals("Apps red, Tools yellow", status.summary());
        assertTrue(status.systemAffected("Apps"));
        assertTrue(!status.systemAffected("Data"));
        PlatformStatus.Incident incident = status.incidents().get(0);
        assertEquals("Elevated H12 request timeouts in the Common Runtime", incident.title());
        assertEquals("https://status.heroku.com/incidents/2817", incident.url());
        assertEquals("issue", incident.status());
        assertEquals(Instant.parse("2026-11-27T06:41:09Z"), incident.createdAt());
    }

    @Test
    void netlifyOperationalIgnoresComponentGroups() {
        wire.stubFor(get("/api/v2/summary.json").willReturn(okJson(Fixtures.read("platformstatus/netlify-summary-operational.json"))));

        PlatformStatus status = netlify().current();

        assertEquals(Level.OPERATIONAL, status.level());
        assertEquals("All Systems Operational", status.summary());
        assertEquals(2, status.systems().size());
    }

    @Test
    void netlifyIncidentWithDegradedComponent() {
        wire.stubFor(get("/api/v2/summary.json").willReturn(okJson(Fixtures.read("platformstatus/netlify-summary-incident.json"))));

        PlatformStatus status = netlify().current();

        assertEquals(Level.OUTAGE, status.level());
        assertEquals("Partial System Outage", status.summary());
        assertTrue(status.systemAffected("Content Delivery Network"));
        assertEquals("Elevated 5xx errors on the CDN in Europe", status.incidents().get(0).title());
        assertEquals("https://stspg.io/abc123", status.incidents().get(0).url());
        assertEquals("investigating", status.incidents().get(0).status());
    }

    @Test
    void malformedJsonIsAClearFailure() {
        wire.stubFor(get("/api/v2/summary.json").willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        PlatformStatusException e = assertThrows(PlatformStatusException.class, () -> netlify().current());

        assertEquals(Failure.MALFORMED, e.failure());
        assertTrue(e.getMessage().startsWith("Netlify's status page (" + wire.baseUrl() + "/) answered with something that is not its status JSON"), e.getMessage());
    }

    @Test
    void aServerErrorIsRetriedOnceThenSucceeds() {
        wire.stubFor(get("/api/v4/current-status").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        wire.stubFor(get("/api/v4/current-status").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json"))));

        assertEquals(Level.OPERATIONAL, heroku().current().level());
        wire.verify(2, RequestPatternBuilder.newRequestPattern().withUrl("/api/v4/current-status"));
    }

    @Test
    void aPersistentServerErrorSaysSo() {
        wire.stubFor(get("/api/v4/current-status").willReturn(aResponse().withStatus(503)));

        PlatformStatusException e = assertThrows(PlatformStatusException.class, () -> heroku().current());

        assertEquals(Failure.SERVER_ERROR, e.failure());
        assertEquals("Heroku's status page (" + wire.baseUrl() + ") failed (HTTP 503)", e.getMessage());
    }

    @Test
    void aHangingPageTimesOut() {
        wire.stubFor(get("/api/v4/current-status").willReturn(okJson("{}").withFixedDelay(2_000)));

        PlatformStatusException e = assertThrows(PlatformStatusException.class, () -> heroku().current());

        assertEquals(Failure.TIMEOUT, e.failure());
        assertTrue(e.getMessage().endsWith("did not answer in time"), e.getMessage());
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HerokuStatusClient client = new HerokuStatusClient(this.client, Json.newMapper(), URI.create("http://127.0.0.1:" + closed));

        PlatformStatusException e = assertThrows(PlatformStatusException.class, client::current);

        assertEquals(Failure.UNREACHABLE, e.failure());
        assertTrue(e.getMessage().endsWith("could not be reached (DNS or connection failure)"), e.getMessage());
    }

    @Test
    void requestsFromTheSharedClientCarryLifeboatsUserAgent() {
        OkHttpClient shared = com.google.inject.Guice.createInjector(new HttpModule()).getInstance(OkHttpClient.class);
        wire.stubFor(get("/api/v4/current-status").willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json"))));

        new HerokuStatusClient(PlatformStatusModule.statusClient(shared), Json.newMapper(), URI.create(wire.baseUrl())).current();

        assertEquals(HttpModule.USER_AGENT, wire.getAllServeEvents().get(0).getRequest().getHeader("User-Agent"));
    }
}
