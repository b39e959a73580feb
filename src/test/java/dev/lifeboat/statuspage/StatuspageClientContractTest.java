package dev.lifeboat.statuspage;

import dev.lifeboat.testing.ManualClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.statuspage.StatuspageTestSupport.KEY;
import static dev.lifeboat.statuspage.StatuspageTestSupport.PAGE_ID;
import static dev.lifeboat.statuspage.StatuspageTestSupport.PAGE_PATH;
import static dev.lifeboat.statuspage.StatuspageTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import dev.lifeboat.config.StatuspageSettings;
import dev.lifeboat.http.HttpModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatuspageClientContractTest {
    @RegisterExtension
    static WireMockExtension statuspage = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String INCIDENT_ID = "p0l9k8j7h6g5";
    private static final String WEB = "kz4m8p2x6c0v";
    private static final String API = "h7j3n9b5v1q2";

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-11T09:42:00Z"));
    private final List<Duration> retryWaits = new ArrayList<>();
    private final List<Duration> spacingWaits = new ArrayList<>();
    private StatusPage page;

    @BeforeEach
    void setUp() {
        page = StatuspageTestSupport.client(statuspage.baseUrl(), Duration.ofSeconds(5), clock, retryWaits,
                spacingWaits);
    }

    private static RequestPatternBuilder sentWithHeaders(RequestPatternBuilder request) {
        return request.withHeader("Authorization", equalTo("OAuth " + KEY))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", containing("Lifeboat/"));
    }

    private static Map<String, ComponentStatus> components(Object... pairs) {
        Map<String, ComponentStatus> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (ComponentStatus) pairs[i + 1]);
        }
        return out;
    }

    @Test
    void createsAnIncidentNamingItsComponentsAndTheirStatus() {
        statuspage.stubFor(post(urlEqualTo(PAGE_PATH + "/incidents")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("incident-created.json"))));

        Incident incident = page.createIncident(new IncidentDraft("Web application and API unavailable",
                IncidentStatus.INVESTIGATING, "We are investigating errors on the web application and API.",
                components(WEB, ComponentStatus.MAJOR_OUTAGE, API, ComponentStatus.PARTIAL_OUTAGE), true));

        statuspage.verify(1, sentWithHeaders(postRequestedFor(urlEqualTo(PAGE_PATH + "/incidents")))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"incident": {
                          "name": "Web application and API unavailable",
                          "status": "investigating",
                          "body": "We are investigating errors on the web application and API.",
                          "component_ids": ["kz4m8p2x6c0v", "h7j3n9b5v1q2"],
                          "components": {"kz4m8p2x6c0v": "major_outage", "h7j3n9b5v1q2": "partial_outage"},
                          "deliver_notifications": true
                        }}""")));
        assertEquals(INCIDENT_ID, incident.id());
        assertEquals(IncidentStatus.INVESTIGATING, incident.status());
        assertEquals("critical", incident.impact());
        assertEquals("https://stspg.io/x4b8n2m6q", incident.shortlink());
        assertEquals(List.of(WEB, API), incident.componentIds());
        assertEquals(ComponentStatus.MAJOR_OUTAGE, incident.components().get(0).status());
        IncidentUpdate first = incident.latestUpdate().orElseThrow();
        assertEquals(IncidentStatus.INVESTIGATING, first.status());
        assertEquals(new AffectedComponent(API, "API", ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE),
                first.affectedComponents().get(1));
        assertFalse(incident.isResolved());
    }

    @Test
    void updatesAnIncidentsStatusTextAndComponents() {
        String path = PAGE_PATH + "/incidents/" + INCIDENT_ID;
        statuspage.stubFor(patch(urlEqualTo(path)).willReturn(okJson(fixture("incident-updated.json"))));

        Incident incident = page.updateIncident(INCIDENT_ID, new IncidentChange(IncidentStatus.IDENTIFIED,
                "A database failure is the cause; we are restoring from this morning's backup.",
                components(API, ComponentStatus.MAJOR_OUTAGE), true));

        statuspage.verify(1, sentWithHeaders(patchRequestedFor(urlEqualTo(path)))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"incident": {
                          "status": "identified",
                          "body": "A database failure is the cause; we are restoring from this morning's backup.",
                          "components": {"h7j3n9b5v1q2": "major_outage"},
                          "deliver_notifications": true
                        }}""")));
        assertEquals(IncidentStatus.IDENTIFIED, incident.status());
        assertEquals(2, incident.incidentUpdates().size());
        assertEquals("c4x6z8a0s2d4", incident.latestUpdate().orElseThrow().id());
    }

    @Test
    void anUpdateWithoutComponentChangesSendsNoComponents() {
        String path = PAGE_PATH + "/incidents/" + INCIDENT_ID;
        statuspage.stubFor(patch(urlEqualTo(path)).willReturn(okJson(fixture("incident-updated.json"))));

        page.updateIncident(INCIDENT_ID, new IncidentChange(IncidentStatus.MONITORING, "Watching.", Map.of(), false));

        statuspage.verify(1, patchRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson(
                "{\"incident\": {\"status\": \"monitoring\", \"body\": \"Watching.\", \"deliver_notifications\": false}}")));
    }

    @Test
    void resolvingSetsTheIncidentsComponentsBackToOperational() {
        statuspage.stubFor(post(urlEqualTo(PAGE_PATH + "/incidents")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("incident-created.json"))));
        String path = PAGE_PATH + "/incidents/" + INCIDENT_ID;
        statuspage.stubFor(patch(urlEqualTo(path)).willReturn(okJson(fixture("incident-resolved.json"))));
        Incident open = page.createIncident(new IncidentDraft("Web application and API unavailable",
                IncidentStatus.INVESTIGATING, "Investigating.", components(WEB, ComponentStatus.MAJOR_OUTAGE), true));

        Incident resolved = page.resolveIncident(open, "Service is restored. We will publish a postmortem.");

        statuspage.verify(1, sentWithHeaders(patchRequestedFor(urlEqualTo(path))).withRequestBody(equalToJson("""
                {"incident": {
                  "status": "resolved",
                  "body": "Service is restored. We will publish a postmortem.",
                  "components": {"kz4m8p2x6c0v": "operational", "h7j3n9b5v1q2": "operational"},
                  "deliver_notifications": true
                }}""")));
        assertTrue(resolved.isResolved());
        // the fixture's time carries a -05:00 offset
        assertEquals(Instant.parse("2024-05-11T15:31:15.560Z"), resolved.resolvedAt());
        assertTrue(resolved.components().stream().allMatch(c -> c.status() == ComponentStatus.OPERATIONAL));
        assertEquals(3, resolved.incidentUpdates().size());
    }

    @Test
    void listsOpenIncidents() {
        statuspage.stubFor(get(urlEqualTo(PAGE_PATH + "/incidents/unresolved"))
                .willReturn(okJson(fixture("incidents-unresolved.json"))));

        List<Incident> open = page.unresolvedIncidents();

        statuspage.verify(1, sentWithHeaders(getRequestedFor(urlEqualTo(PAGE_PATH + "/incidents/unresolved"))));
        assertEquals(List.of(INCIDENT_ID, "z9x8c7v6b5n4"), open.stream().map(Incident::id).toList());
        assertEquals(IncidentStatus.MONITORING, open.get(1).status());
        assertEquals(Instant.parse("2024-05-11T08:30:12Z"), open.get(1).monitoringAt());
        assertNull(open.get(0).resolvedAt());
    }

    @Test
    void listsComponentsIncludingGroups() {
        statuspage.stubFor(get(urlEqualTo(PAGE_PATH + "/components")).willReturn(okJson(fixture("components.json"))));

        List<Component> components = page.components();

        statuspage.verify(1, sentWithHeaders(getRequestedFor(urlEqualTo(PAGE_PATH + "/components"))));
        assertEquals(5, components.size());
        Component web = components.get(0);
        assertEquals(WEB, web.id());
        assertEquals("Web application", web.name());
        assertEquals(PAGE_ID, web.pageId());
        assertEquals(ComponentStatus.OPERATIONAL, web.status());
        assertEquals(1, web.position());
        assertFalse(web.group());
        assertTrue(components.get(4).group());
    }

    @Test
    void readsStatusesItDoesNotKnowAsUnknown() {
        statuspage.stubFor(get(urlEqualTo(PAGE_PATH + "/incidents/unresolved")).willReturn(okJson(
                "[{\"id\":\"a1\",\"status\":\"postmortem\",\"components\":[{\"id\":\"c1\",\"status\":\"on_fire\"}],"
                        + "\"brand_new\":true}]")));

        Incident incident = page.unresolvedIncidents().get(0);

        assertEquals(IncidentStatus.UNKNOWN, incident.status());
        assertEquals(ComponentStatus.UNKNOWN, incident.components().get(0).status());
        assertEquals(List.of(), incident.incidentUpdates());
    }

    @Test
    void refusesDraftsItCouldNotSendWithoutCallingStatuspage() {
        assertThrows(IllegalArgumentException.class, () -> new IncidentDraft(" ", IncidentStatus.INVESTIGATING, "x",
                Map.of(), true));
        assertThrows(IllegalArgumentException.class, () -> new IncidentDraft("Outage", IncidentStatus.UNKNOWN, "x",
                Map.of(), true));
        assertThrows(IllegalArgumentException.class, () -> new IncidentChange(IncidentStatus.IDENTIFIED, "x",
                Map.of(WEB, ComponentStatus.UNKNOWN), true));
        assertThrows(IllegalArgumentException.class, () -> page.updateIncident(" ",
                new IncidentChange(IncidentStatus.IDENTIFIED, "x", Map.of(), true)));
        assertEquals(0, statuspage.getAllServeEvents().size());
    }

    @Test
    void callsInQuickSuccessionAreSpacedASecondApart() {
        statuspage.stubFor(get(urlEqualTo(PAGE_PATH + "/components")).willReturn(okJson(fixture("components.json"))));

        page.components();
        page.components();
        clock.advance(Duration.ofSeconds(5));
        page.components();

        assertEquals(List.of(Duration.ofSeconds(1)), spacingWaits);
        statuspage.verify(3, getRequestedFor(urlEqualTo(PAGE_PATH + "/components")));
    }

    @Test
    void theModuleBuildsAClientThatSendsTheKeyToTheConfiguredApi() {
        statuspage.stubFor(get(urlEqualTo(PAGE_PATH + "/components")).willReturn(okJson(fixture("components.json"))));
        Injector injector = Guice.createInjector(new HttpModule(), new StatuspageModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(StatuspageSettings.class).toInstance(StatuspageTestSupport.settings(statuspage.baseUrl()));
            }
        });

        StatusPage wired = injector.getInstance(StatusPage.class);

        assertSame(wired, injector.getInstance(StatusPage.class));
        assertEquals(5, wired.components().size());
        statuspage.verify(1, sentWithHeaders(getRequestedFor(urlEqualTo(PAGE_PATH + "/components"))));
        OkHttpClient http = injector.getInstance(Key.get(OkHttpClient.class, ForStatuspage.class));
        assertEquals(StatuspageModule.READ_TIMEOUT.toMillis(), http.readTimeoutMillis());
        assertEquals(StatuspageModule.CONNECT_TIMEOUT.toMillis(), http.connectTimeoutMillis());
        assertTrue(http.interceptors().stream().anyMatch(RequestSpacing.class::isInstance));
    }
}
