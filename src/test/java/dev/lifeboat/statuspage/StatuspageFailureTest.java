package dev.lifeboat.statuspage;

import dev.lifeboat.testing.ManualClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.statuspage.StatuspageTestSupport.KEY;
import static dev.lifeboat.statuspage.StatuspageTestSupport.PAGE_ID;
import static dev.lifeboat.statuspage.StatuspageTestSupport.PAGE_PATH;
import static dev.lifeboat.statuspage.StatuspageTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.http.Failure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** Every way a Statuspage call fails, and what the person reading the message is told. */
class StatuspageFailureTest {
    @RegisterExtension
    static WireMockExtension statuspage = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String INCIDENT_ID = "p0l9k8j7h6g5";
    private static final String INCIDENTS = PAGE_PATH + "/incidents";
    private static final IncidentDraft DRAFT = new IncidentDraft("Web application unavailable",
            IncidentStatus.INVESTIGATING, "We are investigating.", Map.of("kz4m8p2x6c0v", ComponentStatus.MAJOR_OUTAGE),
            true);
    private static final IncidentChange CHANGE = new IncidentChange(IncidentStatus.IDENTIFIED, "Found it.", Map.of(),
            true);

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-11T09:42:00Z"));
    private final List<Duration> retryWaits = new ArrayList<>();
    private StatusPage page;

    @BeforeEach
    void setUp() {
        page = client(statuspage.baseUrl());
    }

    private StatusPage client(String url) {
        return StatuspageTestSupport.client(url, Duration.ofMillis(300), clock, retryWaits, new ArrayList<>());
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(fixture(fixture));
    }

    private static StatuspageException failsWith(Failure expected, Executable call) {
        StatuspageException e = assertThrows(StatuspageException.class, call);
        assertEquals(expected, e.failure());
        assertEquals("Statuspage", e.system());
        assertFalse(e.getMessage().contains(KEY), "the message must not contain the key");
        return e;
    }

    @Test
    void badKeyNamesTheVariableToFix() {
        statuspage.stubFor(post(urlEqualTo(INCIDENTS)).willReturn(error(401, "error-401.json")));

        StatuspageException e = failsWith(Failure.UNAUTHORIZED, () -> page.createIncident(DRAFT));

        assertEquals(401, e.status());
        assertEquals("Statuspage rejected STATUSPAGE_API_KEY (401 Unauthorized) while creating an incident on page "
                + PAGE_ID + ": the key is wrong or was revoked. Create an API key under your avatar › API info on"
                + " manage.statuspage.io and set STATUSPAGE_API_KEY to it.", e.getMessage());
    }

    @Test
    void underPrivilegedKeySaysWhichPage() {
        statuspage.stubFor(patch(urlEqualTo(INCIDENTS + "/" + INCIDENT_ID)).willReturn(error(403, "error-403.json")));

        StatuspageException e = failsWith(Failure.FORBIDDEN, () -> page.updateIncident(INCIDENT_ID, CHANGE));

        assertTrue(e.getMessage().startsWith("Statuspage refused updating incident " + INCIDENT_ID + " (403"
                + " Forbidden): STATUSPAGE_API_KEY is valid but its user may not do this on page " + PAGE_ID + "."),
                e.getMessage());
    }

    @Test
    void unknownIncidentNamesTheIncidentId() {
        statuspage.stubFor(patch(urlEqualTo(INCIDENTS + "/gone12345678")).willReturn(error(404, "error-404.json")));

        StatuspageException e = failsWith(Failure.NOT_FOUND, () -> page.updateIncident("gone12345678", CHANGE));

        assertEquals("Statuspage has no incident gone12345678 on page " + PAGE_ID + " (404 while updating incident"
                + " gone12345678). It may have been deleted: check the open incidents, or open a new one.",
                e.getMessage());
    }

    @Test
    void unknownPageNamesThePageIdSetting() {
        statuspage.stubFor(get(urlEqualTo(PAGE_PATH + "/components")).willReturn(error(404, "error-404.json")));

        StatuspageException e = failsWith(Failure.NOT_FOUND, page::components);

        assertTrue(e.getMessage().startsWith("Statuspage has no page " + PAGE_ID + " that STATUSPAGE_API_KEY can see"
                + " (404 while listing the components of page " + PAGE_ID + "). Check STATUSPAGE_PAGE_ID"),
                e.getMessage());
    }

    @Test
    void rejectedIncidentSurfacesStatuspagesMessage() {
        statuspage.stubFor(post(urlEqualTo(INCIDENTS)).willReturn(error(422, "error-422.json")));

        StatuspageException e = failsWith(Failure.REJECTED, () -> page.createIncident(DRAFT));

        assertEquals("Statuspage refused creating an incident on page " + PAGE_ID + ": Status is not included in the"
                + " list (422). Check the incident status and that each component id belongs to page " + PAGE_ID
                + " (see its component list).", e.getMessage());
    }

    @Test
    void rateLimitWithRetryAfterSaysHowLong() {
        statuspage.stubFor(post(urlEqualTo(INCIDENTS)).willReturn(error(429, "error-420.json")
                .withHeader("Retry-After", "3")));

        StatuspageException e = failsWith(Failure.RATE_LIMITED, () -> page.createIncident(DRAFT));

        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().endsWith("Try again in 3 s."), e.getMessage());
        statuspage.verify(1, postRequestedFor(urlEqualTo(INCIDENTS)));
    }

    @Test
    void statuspagesOwn420IsReadAsRateLimited() {
        statuspage.stubFor(patch(urlEqualTo(INCIDENTS + "/" + INCIDENT_ID)).willReturn(error(420, "error-420.json")));

        StatuspageException e = failsWith(Failure.RATE_LIMITED, () -> page.updateIncident(INCIDENT_ID, CHANGE));

        assertEquals(420, e.status());
        assertTrue(e.getMessage().startsWith("Statuspage's rate limit was reached while updating incident "
                + INCIDENT_ID + " (about 1 request a second per key)."), e.getMessage());
        assertTrue(e.getMessage().endsWith("Try again in a few seconds."), e.getMessage());
    }

    @Test
    void serverErrorOnCreateIsNotRetriedAndMayHaveHappened() {
        statuspage.stubFor(post(urlEqualTo(INCIDENTS)).willReturn(error(500, "error-500.json")));

        StatuspageException e = failsWith(Failure.SERVER_ERROR, () -> page.createIncident(DRAFT));

        statuspage.verify(1, postRequestedFor(urlEqualTo(INCIDENTS)));
        assertEquals("Statuspage failed while creating an incident on page " + PAGE_ID + " (500). The change may"
                + " still have been made: check the page before repeating it. Statuspage may be having an incident:"
                + " check https://metastatuspage.com, then try again.", e.getMessage());
    }

    @Test
    void serverErrorOnAListIsRetriedThenSucceeds() {
        String path = INCIDENTS + "/unresolved";
        statuspage.stubFor(get(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(error(502, "error-500.json")).willSetStateTo("recovered"));
        statuspage.stubFor(get(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(fixture("incidents-unresolved.json"))));

        List<Incident> open = page.unresolvedIncidents();

        assertEquals(2, open.size());
        statuspage.verify(2, getRequestedFor(urlEqualTo(path)));
        assertEquals(1, retryWaits.size());
    }

    @Test
    void successWithABodyThatIsNotJsonIsMalformed() {
        statuspage.stubFor(get(urlEqualTo(PAGE_PATH + "/components")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Maintenance</html>")));

        StatuspageException e = failsWith(Failure.MALFORMED, page::components);

        assertTrue(e.getMessage().startsWith("Statuspage answered listing the components of page " + PAGE_ID
                + " with a body Lifeboat could not read (status 200"), e.getMessage());
        assertTrue(e.getMessage().contains("STATUSPAGE_API_URL (" + statuspage.baseUrl() + "/v1)"), e.getMessage());
    }

    @Test
    void slowAnswerIsATimeoutThatWarnsTheChangeMayHaveBeenMade() {
        statuspage.stubFor(patch(urlEqualTo(INCIDENTS + "/" + INCIDENT_ID))
                .willReturn(okJson(fixture("incident-updated.json")).withFixedDelay(2_000)));

        StatuspageException e = failsWith(Failure.TIMEOUT, () -> page.updateIncident(INCIDENT_ID, CHANGE));

        assertEquals("Statuspage did not answer in time while updating incident " + INCIDENT_ID + ". The change may"
                + " still have been made: check the page before repeating it. Check https://metastatuspage.com and"
                + " try again.", e.getMessage());
    }

    @Test
    void refusedConnectionNamesTheApiUrlSetting() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        StatuspageException e = failsWith(Failure.UNREACHABLE,
                () -> client("http://127.0.0.1:" + closedPort).unresolvedIncidents());

        assertEquals("Could not reach Statuspage at http://127.0.0.1:" + closedPort + "/v1 while listing the open"
                + " incidents of page " + PAGE_ID + " (connection refused or reset, or DNS failure). Check"
                + " STATUSPAGE_API_URL and this server's network, then try again.", e.getMessage());
    }
}
