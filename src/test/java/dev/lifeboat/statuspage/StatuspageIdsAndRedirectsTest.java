package dev.lifeboat.statuspage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.statuspage.StatuspageTestSupport.JSON;
import static dev.lifeboat.statuspage.StatuspageTestSupport.PAGE_PATH;
import static dev.lifeboat.statuspage.StatuspageTestSupport.SHARED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.StatuspageSettings;
import dev.lifeboat.http.InvalidIdException;
import dev.lifeboat.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed ids never reach Statuspage, and a redirecting answer is reported, never followed with the key. */
class StatuspageIdsAndRedirectsTest {
    private static final IncidentChange CHANGE = new IncidentChange(IncidentStatus.IDENTIFIED, "Found it.", Map.of(),
            true);

    @RegisterExtension
    static WireMockExtension statuspage = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private StatusPage page;

    @BeforeEach
    void setUp() {
        page = StatuspageTestSupport.client(statuspage.baseUrl(), Duration.ofSeconds(2),
                new ManualClock(Instant.parse("2024-05-11T09:42:00Z")), new ArrayList<>(), new ArrayList<>());
        statuspage.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void updatingTheIncidentDotDotIsRefusedAndNothingIsSent() {
        InvalidIdException e = assertThrows(InvalidIdException.class, () -> page.updateIncident("..", CHANGE));

        assertEquals("`..` is not a Statuspage incident id (expected e.g. p0l9k8j7h6g5).", e.getMessage());
        statuspage.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"..", ".", "a/b", "%2e%2e", "%2F", "", " ", "unresolved/.."})
    void incidentCallsRefuseAMalformedIdBeforeAnyRequest(String bad) {
        assertThrows(InvalidIdException.class, () -> page.updateIncident(bad, CHANGE));
        assertThrows(InvalidIdException.class, () -> page.resolveIncident(bad, "Fixed.", List.of()));
        statuspage.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"..", ".", "a/b", "%2e%2e", " "})
    void aMalformedPageIdIsAConfigurationProblemNamingTheVariable(String bad) {
        StatuspageSettings settings = StatuspageTestSupport.settings(statuspage.baseUrl());
        StatuspageSettings wrong = new StatuspageSettings(settings.apiKey(), Optional.of(bad), settings.apiUrl());

        ConfigException e = assertThrows(ConfigException.class, () -> StatuspageModule.client(SHARED, JSON, wrong));

        assertTrue(e.problems().get(0).startsWith("STATUSPAGE_PAGE_ID: `"), e.problems().get(0));
        statuspage.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {302, 307})
    void aRedirectIsReportedAndNothingGoesWhereItPoints(int status) {
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson("[]")));
        statuspage.stubFor(get(PAGE_PATH + "/components").willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + PAGE_PATH + "/components")));

        StatuspageException e = assertThrows(StatuspageException.class, () -> page.components());

        assertTrue(e.getMessage().startsWith("Statuspage answered with a redirect (" + status + ") while "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Check STATUSPAGE_API_URL"), e.getMessage());
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }
}
