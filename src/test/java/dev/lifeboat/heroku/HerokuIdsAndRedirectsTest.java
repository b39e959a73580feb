package dev.lifeboat.heroku;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.lifeboat.heroku.HerokuTestSupport.APP;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.InvalidIdException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed ids never reach Heroku, and a redirecting API answer is reported, never followed with the token. */
class HerokuIdsAndRedirectsTest {
    private static final String RELEASE_ID = "4b9a43be-01d5-5b1d-bc6e-d78554521c3e";

    @RegisterExtension
    static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private HerokuPlatform platform;

    @BeforeEach
    void setUp() {
        platform = HerokuTestSupport.client(heroku.baseUrl());
        heroku.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void restartingTheDynoDotDotIsRefusedAndNothingIsDeleted() {
        InvalidIdException e = assertThrows(InvalidIdException.class, () -> platform.restartDyno(APP, ".."));

        assertEquals("`..` is not a dyno name (expected e.g. web.1).", e.getMessage());
        heroku.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"..", ".", "a/b", "%2e%2e", "%2F", "", " ", "web.1 ", "../.."})
    void everyCallRefusesAMalformedIdBeforeAnyRequest(String bad) {
        Map<String, Executable> calls = Map.ofEntries(
                Map.entry("app", () -> platform.app(bad)),
                Map.entry("setMaintenance", () -> platform.setMaintenance(bad, true)),
                Map.entry("dynos", () -> platform.dynos(bad)),
                Map.entry("restartAllDynos", () -> platform.restartAllDynos(bad)),
                Map.entry("restartDyno app", () -> platform.restartDyno(bad, "web.1")),
                Map.entry("restartDyno dyno", () -> platform.restartDyno(APP, bad)),
                Map.entry("restartProcessType", () -> platform.restartProcessType(APP, bad)),
                Map.entry("formation", () -> platform.formation(bad)),
                Map.entry("releases", () -> platform.releases(bad, 10)),
                Map.entry("currentRelease", () -> platform.currentRelease(bad)),
                Map.entry("rollback app", () -> platform.rollback(bad, RELEASE_ID)),
                Map.entry("rollback release", () -> platform.rollback(APP, bad)),
                Map.entry("configVars", () -> platform.configVars(bad)),
                Map.entry("createLogSession", () -> platform.createLogSession(bad, LogRequest.all(10))),
                Map.entry("postgresAddon", () -> platform.postgresAddon(bad)),
                Map.entry("resolveDatabase", () -> platform.resolveDatabase(bad)));

        assertAll(calls.entrySet().stream().map(call -> () ->
                assertThrows(InvalidIdException.class, call.getValue(), call.getKey())));
        heroku.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void wellFormedIdsOfEveryShapeStillGoThrough() {
        platform.restartDyno("5f2c9b0e-6a43-4c1e-9f0b-2d7e8a1c3b45", "run.1234");
        platform.restartProcessType(APP, "release");

        heroku.verify(deleteRequestedFor(urlPathEqualTo("/apps/5f2c9b0e-6a43-4c1e-9f0b-2d7e8a1c3b45/dynos/run.1234")));
        heroku.verify(deleteRequestedFor(urlPathEqualTo("/apps/" + APP + "/formations/release")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void aRedirectIsReportedAndNothingGoesWhereItPoints(int status) {
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        heroku.stubFor(delete("/apps/" + APP + "/dynos").willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + "/apps/" + APP + "/dynos")));

        HerokuException e = assertThrows(HerokuException.class, () -> platform.restartAllDynos(APP));

        assertEquals(Failure.UNEXPECTED, e.failure());
        assertTrue(e.getMessage().startsWith("Heroku answered DELETE /apps/" + APP + "/dynos with a redirect ("
                + status + "). Lifeboat follows no redirects from an API, so nothing (and no token) was sent where"
                + " it pointed. Check HEROKU_API_URL"), e.getMessage());
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aLogSessionOnAnotherHostMayRedirectButNeverGetsTheToken() {
        elsewhere.stubFor(get("/sessions/1").willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere.baseUrl() + "/sessions/1/stream")));
        elsewhere.stubFor(get("/sessions/1/stream").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("line one\nline two\n")));

        LogLines lines = platform.readLogs(new LogSession("s1", elsewhere.baseUrl() + "/sessions/1", null), 10,
                Duration.ofSeconds(5));

        assertEquals(List.of("line one", "line two"), lines.lines());
        elsewhere.verify(2, anyRequestedFor(anyUrl()).withHeader("Authorization", absent())
                .withHeader("Accept", equalTo("text/event-stream")));
        heroku.verify(0, anyRequestedFor(anyUrl()));
    }
}
