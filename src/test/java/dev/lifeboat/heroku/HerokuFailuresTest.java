package dev.lifeboat.heroku;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.heroku.HerokuTestSupport.APP;
import static dev.lifeboat.heroku.HerokuTestSupport.TOKEN;
import static dev.lifeboat.heroku.HerokuTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.heroku.HerokuTestSupport.RecordingSleeper;
import dev.lifeboat.http.Failure;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way a Platform API call fails, and the message the person in Slack gets. */
class HerokuFailuresTest {
    @RegisterExtension
    static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private HerokuPlatform platform;
    private RecordingSleeper retrySleeper;

    @BeforeEach
    void setUp() {
        retrySleeper = new RecordingSleeper();
        platform = HerokuTestSupport.client(heroku.baseUrl(), Duration.ofMillis(300), retrySleeper,
                new RateLimitThrottle(new RecordingSleeper()));
    }

    private static String error(String id, String message) {
        return "{\"id\": \"" + id + "\", \"message\": \"" + message + "\"}";
    }

    private static HerokuException failing(Executable call) {
        HerokuException e = assertThrows(HerokuException.class, call);
        assertFalse(e.getMessage().contains(TOKEN), "message leaks the token: " + e.getMessage());
        assertFalse(e.getMessage().contains("Bearer"), "message mentions the header: " + e.getMessage());
        assertEquals("Heroku", e.system());
        return e;
    }

    @Test
    void unauthorizedNamesTheApiKeyVariable() {
        heroku.stubFor(get("/apps/" + APP).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(error("unauthorized", "Invalid credentials provided."))));

        HerokuException e = failing(() -> platform.app(APP));

        assertEquals(Failure.UNAUTHORIZED, e.failure());
        assertEquals(401, e.status());
        assertTrue(e.getMessage().startsWith(
                "Heroku rejected HEROKU_API_KEY (401): the token is wrong or expired. Create a new one"), e.getMessage());
    }

    @Test
    void forbiddenSaysTheTokensAccountLacksAccessToTheApp() {
        heroku.stubFor(patch("/apps/" + APP).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody(error("forbidden", "You do not have access to the app lifeboat-prod."))));

        HerokuException e = failing(() -> platform.setMaintenance(APP, true));

        assertEquals(Failure.FORBIDDEN, e.failure());
        assertEquals("Heroku refused PATCH /apps/lifeboat-prod (403): the account behind HEROKU_API_KEY is not "
                + "allowed to do this on app 'lifeboat-prod'. Give that account the deploy and operate permissions "
                + "on the app, or use a token of an account that has them. Heroku said: You do not have access to "
                + "the app lifeboat-prod.", e.getMessage());
    }

    @Test
    void notFoundNamesTheMissingApp() {
        heroku.stubFor(get("/apps/lifeboat-prdo").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(error("not_found", "Couldn't find that app."))));

        HerokuException e = failing(() -> platform.app("lifeboat-prdo"));

        assertEquals(Failure.NOT_FOUND, e.failure());
        assertTrue(e.getMessage().startsWith("Heroku found no app 'lifeboat-prdo' (check HEROKU_APP / "
                + "HEROKU_STAGING_APP) (404)."), e.getMessage());
        assertTrue(e.getMessage().endsWith("Heroku said: Couldn't find that app."), e.getMessage());
    }

    @Test
    void notFoundNamesTheMissingDyno() {
        heroku.stubFor(delete("/apps/" + APP + "/dynos/web.9").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(error("not_found", "Couldn't find that process."))));

        HerokuException e = failing(() -> platform.restartDyno(APP, "web.9"));

        assertTrue(e.getMessage().startsWith("Heroku found no dyno 'web.9' on app 'lifeboat-prod' (404)."),
                e.getMessage());
    }

    @Test
    void notFoundNamesTheMissingProcessType() {
        heroku.stubFor(delete("/apps/" + APP + "/formations/clock").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(error("not_found", "Couldn't find that formation."))));

        HerokuException e = failing(() -> platform.restartProcessType(APP, "clock"));

        assertTrue(e.getMessage().startsWith("Heroku found no process type 'clock' on app 'lifeboat-prod' (404)."),
                e.getMessage());
    }

    @Test
    void notFoundOnRollbackNamesTheRelease() {
        heroku.stubFor(post("/apps/" + APP + "/releases").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(error("not_found", "Couldn't find that release."))));

        HerokuException e = failing(() -> platform.rollback(APP, "00000000-0000-0000-0000-000000000000"));

        assertTrue(e.getMessage().startsWith("Heroku found no app 'lifeboat-prod', or no release to roll back to "
                + "with that id (404)."), e.getMessage());
    }

    @Test
    void unprocessableCarriesHerokusOwnMessage() {
        heroku.stubFor(post("/apps/" + APP + "/releases").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody(error("invalid_params", "Cannot rollback to a release that had a different set of addons installed."))));

        HerokuException e = failing(() -> platform.rollback(APP, "4b9a43be-01d5-5b1d-bc6e-d78554521c3e"));

        assertEquals(Failure.REJECTED, e.failure());
        assertEquals("Heroku refused POST /apps/lifeboat-prod/releases (422): Cannot rollback to a release that had "
                + "a different set of addons installed.", e.getMessage());
    }

    @Test
    void rateLimitedSaysWhenToRetry() {
        heroku.stubFor(patch("/apps/" + APP).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withHeader("RateLimit-Remaining", "0").withHeader("Content-Type", "application/json")
                .withBody(error("rate_limit", "Your account reached the API rate limit"))));

        HerokuException e = failing(() -> platform.setMaintenance(APP, false));

        assertEquals(Failure.RATE_LIMITED, e.failure());
        assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
        assertTrue(e.getMessage().startsWith("Heroku rate limit reached (429)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Retry after 30 s."), e.getMessage());
    }

    @Test
    void serverErrorPointsAtHerokuStatus() {
        heroku.stubFor(post("/apps/" + APP + "/releases").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html>Service Unavailable</html>")));

        HerokuException e = failing(() -> platform.rollback(APP, "4b9a43be-01d5-5b1d-bc6e-d78554521c3e"));

        assertEquals(Failure.SERVER_ERROR, e.failure());
        assertEquals("Heroku's API failed on POST /apps/lifeboat-prod/releases (503). Heroku may be having an "
                + "incident: check https://status.heroku.com, then try again.", e.getMessage());
    }

    @Test
    void postIsNeverRetried() {
        heroku.stubFor(post("/apps/" + APP + "/releases").willReturn(aResponse().withStatus(500)));

        failing(() -> platform.rollback(APP, "4b9a43be-01d5-5b1d-bc6e-d78554521c3e"));

        heroku.verify(1, postRequestedFor(urlPathEqualTo("/apps/" + APP + "/releases")));
        assertEquals(0, retrySleeper.pauses.size());
    }

    @Test
    void getIsRetriedAfterAServerError() {
        heroku.stubFor(get("/apps/" + APP).inScenario("blip").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        heroku.stubFor(get("/apps/" + APP).inScenario("blip").whenScenarioStateIs("recovered")
                .willReturn(okJson(fixture("app-info.json"))));

        HerokuApp app = platform.app(APP);

        assertEquals(APP, app.name());
        heroku.verify(2, getRequestedFor(urlPathEqualTo("/apps/" + APP)));
        assertEquals(1, retrySleeper.pauses.size());
    }

    @Test
    void malformedJsonIsReportedAsUnreadable() {
        heroku.stubFor(get("/apps/" + APP + "/dynos").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"name\": \"web.1\", ")));

        HerokuException e = failing(() -> platform.dynos(APP));

        assertEquals(Failure.MALFORMED, e.failure());
        assertEquals("Heroku answered GET /apps/lifeboat-prod/dynos with something Lifeboat could not read (not the "
                + "JSON it expects). Try again; if it keeps happening, Heroku may have changed this API.", e.getMessage());
    }

    @Test
    void unreadableConfigVarsNeverCarryTheBodyAlong() {
        heroku.stubFor(get("/apps/" + APP + "/config-vars").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"RAILS_MASTER_KEY\": s3cr3tv4lue}")));

        HerokuException e = failing(() -> platform.configVars(APP));

        assertEquals(Failure.MALFORMED, e.failure());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("s3cr3tv4lue"), t.toString());
        }
    }

    @Test
    void aSlowAnswerIsATimeout() {
        heroku.stubFor(post("/apps/" + APP + "/releases").willReturn(okJson(fixture("release-rollback.json"))
                .withFixedDelay(1500)));

        HerokuException e = failing(() -> platform.rollback(APP, "4b9a43be-01d5-5b1d-bc6e-d78554521c3e"));

        assertEquals(Failure.TIMEOUT, e.failure());
        assertEquals("Heroku did not answer POST /apps/lifeboat-prod/releases in time (timeout). Heroku may be slow "
                + "or down: check https://status.heroku.com and try again.", e.getMessage());
    }

    @Test
    void aRefusedConnectionNamesTheUrlSetting() {
        String closed = "http://localhost:" + HerokuTestSupport.closedPort();
        HerokuPlatform unreachable = HerokuTestSupport.client(closed, Duration.ofMillis(300), retrySleeper,
                new RateLimitThrottle(new RecordingSleeper()));

        HerokuException e = failing(() -> unreachable.app(APP));

        assertEquals(Failure.UNREACHABLE, e.failure());
        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("Could not connect to Heroku at " + closed + " (ConnectException"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Check HEROKU_API_URL and this server's network."), e.getMessage());
    }

    @Test
    void aDroppedConnectionIsUnreachable() {
        heroku.stubFor(post("/apps/" + APP + "/log-sessions").willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HerokuException e = failing(() -> platform.createLogSession(APP, LogRequest.all(10)));

        assertEquals(Failure.UNREACHABLE, e.failure());
    }

    @Test
    void secretsInHerokusOwnMessageAreRedacted() {
        heroku.stubFor(post("/apps/" + APP + "/releases").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody(error("invalid_params", "Cannot fetch https://slugs.example/s.tgz?Signature=topsecret123"))));

        HerokuException e = failing(() -> platform.rollback(APP, "4b9a43be-01d5-5b1d-bc6e-d78554521c3e"));

        assertFalse(e.getMessage().contains("topsecret123"), e.getMessage());
        assertTrue(e.getMessage().contains("https://slugs.example/s.tgz?…"), e.getMessage());
    }
}
