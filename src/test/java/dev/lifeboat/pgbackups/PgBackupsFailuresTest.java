package dev.lifeboat.pgbackups;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.ADDON_ID;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.APP;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.TOKEN;
import static dev.lifeboat.pgbackups.PgBackupsTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lifeboat.http.Failure;
import dev.lifeboat.pgbackups.PgBackupsTestSupport.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** Every way a data API call fails, and the message the person in Slack gets. */
class PgBackupsFailuresTest {
    private static final String TRANSFERS = "/client/v11/apps/" + APP + "/transfers";
    private static final String BACKUPS = "/client/v11/databases/" + ADDON_ID + "/backups";
    private static final URI SIGNED = URI.create("https://lifeboat-offsite.s3.amazonaws.com/b053.dump?X-Amz-Signature=f00dfeed99");

    @RegisterExtension
    static WireMockExtension data = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private PgBackups backups;
    private RecordingSleeper sleeper;

    @BeforeEach
    void setUp() {
        sleeper = new RecordingSleeper();
        backups = PgBackupsTestSupport.client(data.baseUrl(), Duration.ofMillis(300), sleeper);
    }

    private static String error(String id, String message) {
        return "{\"id\": \"" + id + "\", \"message\": \"" + message + "\"}";
    }

    private static PgBackupsException failing(Executable call) {
        PgBackupsException e = assertThrows(PgBackupsException.class, call);
        assertFalse(e.getMessage().contains(TOKEN), "message leaks the token: " + e.getMessage());
        assertFalse(e.getMessage().contains("f00dfeed99"), "message leaks the signed URL: " + e.getMessage());
        assertEquals("Heroku Postgres backups", e.system());
        return e;
    }

    @Test
    void unauthorizedNamesTheApiKeyVariable() {
        data.stubFor(get(TRANSFERS).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(error("unauthorized", "Invalid credentials provided."))));

        PgBackupsException e = failing(() -> backups.transfers(APP));

        assertEquals(Failure.UNAUTHORIZED, e.failure());
        assertTrue(e.getMessage().startsWith("Heroku rejected HEROKU_API_KEY (401): the token is wrong or expired "
                + "(said the Postgres backups API)."), e.getMessage());
    }

    @Test
    void forbiddenNamesTheApiKeyVariable() {
        data.stubFor(post(BACKUPS).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(error("forbidden", "You do not have access to this database."))));

        PgBackupsException e = failing(() -> backups.capture(ADDON_ID));

        assertEquals(Failure.FORBIDDEN, e.failure());
        assertTrue(e.getMessage().startsWith("Heroku refused POST " + BACKUPS + " (403): the account behind "
                + "HEROKU_API_KEY may not manage this app's database backups."), e.getMessage());
        assertTrue(e.getMessage().endsWith("Heroku said: You do not have access to this database."), e.getMessage());
    }

    @Test
    void notFoundNamesTheMissingTransfer() {
        data.stubFor(get(TRANSFERS + "/12").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(error("not_found", "Couldn't find that transfer."))));

        PgBackupsException e = failing(() -> backups.transfer(APP, "12"));

        assertEquals(Failure.NOT_FOUND, e.failure());
        assertEquals("Heroku Postgres found no backup or transfer number 12 (b012) of app 'lifeboat-prod'; list the "
                + "backups to see which exist (404). Heroku said: Couldn't find that transfer.", e.getMessage());
    }

    @Test
    void notFoundNamesTheMissingAddon() {
        data.stubFor(post("/client/v11/databases/postgresql-gone-1/restores").willReturn(aResponse().withStatus(404)));

        PgBackupsException e = failing(() -> backups.restore("postgresql-gone-1", SIGNED));

        assertEquals("Heroku Postgres found no database add-on 'postgresql-gone-1'; the app's Postgres add-on may have "
                + "been replaced (404).", e.getMessage());
    }

    @Test
    void unprocessableCarriesTheApisOwnMessage() {
        data.stubFor(post(TRANSFERS + "/50/actions/public-url").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody(error("invalid_params", "Backup b050 did not complete successfully"))));

        PgBackupsException e = failing(() -> backups.publicUrl(APP, 50));

        assertEquals(Failure.REJECTED, e.failure());
        assertEquals("Heroku Postgres refused POST " + TRANSFERS + "/50/actions/public-url (422): Backup b050 did not "
                + "complete successfully", e.getMessage());
    }

    @Test
    void rateLimitedSaysWhenToRetry() {
        data.stubFor(post(BACKUPS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "20")));

        PgBackupsException e = failing(() -> backups.capture(ADDON_ID));

        assertEquals(Failure.RATE_LIMITED, e.failure());
        assertEquals(Optional.of(Duration.ofSeconds(20)), e.retryAfter());
        assertEquals("Heroku rate limit reached (429) on the Postgres backups API. Retry after 20 s.", e.getMessage());
    }

    @Test
    void serverErrorOnARestoreIsNotRetried() {
        String restores = "/client/v11/databases/" + ADDON_ID + "/restores";
        data.stubFor(post(restores).willReturn(aResponse().withStatus(500)));

        PgBackupsException e = failing(() -> backups.restore(ADDON_ID, SIGNED));

        assertEquals(Failure.SERVER_ERROR, e.failure());
        assertEquals("The Heroku Postgres backups API failed on POST " + restores + " (500). Heroku may be having an "
                + "incident: check https://status.heroku.com, then try again.", e.getMessage());
        data.verify(1, postRequestedFor(urlPathEqualTo(restores)));
    }

    @Test
    void aCaptureIsNeverRetried() {
        data.stubFor(post(BACKUPS).willReturn(aResponse().withStatus(502)));

        failing(() -> backups.capture(ADDON_ID));

        data.verify(1, postRequestedFor(urlPathEqualTo(BACKUPS)));
        assertEquals(0, sleeper.pauses.size());
    }

    @Test
    void readingIsRetriedAfterAServerError() {
        data.stubFor(get(TRANSFERS).inScenario("blip").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        data.stubFor(get(TRANSFERS).inScenario("blip").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("transfers.json"))));

        assertEquals(9, backups.transfers(APP).size());

        data.verify(2, getRequestedFor(urlPathEqualTo(TRANSFERS)));
    }

    @Test
    void malformedJsonIsReportedAsUnreadable() {
        data.stubFor(get(TRANSFERS).willReturn(okJson("{\"this\": \"is not a list\"}")));

        PgBackupsException e = failing(() -> backups.transfers(APP));

        assertEquals(Failure.MALFORMED, e.failure());
        assertTrue(e.getMessage().startsWith("The Heroku Postgres backups API answered GET " + TRANSFERS
                + " with something Lifeboat could not read"), e.getMessage());
        assertEquals(null, e.getCause(), "the parser's message may quote the body (database URLs)");
    }

    @Test
    void anUnreadableTimestampIsMalformedNotSilentlyNull() {
        data.stubFor(get(TRANSFERS + "/57").willReturn(okJson("{\"num\": 57, \"finished_at\": \"yesterday\"}")));

        PgBackupsException e = failing(() -> backups.transfer(APP, "57"));

        assertEquals(Failure.MALFORMED, e.failure());
    }

    @Test
    void aSlowAnswerIsATimeoutAndSaysTheTransferKeepsRunning() {
        data.stubFor(post(BACKUPS).willReturn(okJson(fixture("capture-pending.json")).withFixedDelay(1500)));

        PgBackupsException e = failing(() -> backups.capture(ADDON_ID));

        assertEquals(Failure.TIMEOUT, e.failure());
        assertEquals("The Heroku Postgres backups API did not answer POST " + BACKUPS + " in time (timeout). Check "
                + "https://status.heroku.com and try again; a backup or restore already started keeps running.",
                e.getMessage());
    }

    @Test
    void aRefusedConnectionNamesTheUrlSetting() {
        String closed = "http://localhost:" + PgBackupsTestSupport.closedPort();
        PgBackups unreachable = PgBackupsTestSupport.client(closed, Duration.ofMillis(300), sleeper);

        PgBackupsException e = failing(() -> unreachable.transfers(APP));

        assertEquals(Failure.UNREACHABLE, e.failure());
        assertTrue(e.getMessage().startsWith("Could not connect to the Heroku Postgres backups API at " + closed
                + " (ConnectException"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Check HEROKU_DATA_API_URL and this server's network."), e.getMessage());
    }
}
