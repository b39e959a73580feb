package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.lifeboat.slack.StatusWorld.ADDONS;
import static dev.lifeboat.slack.StatusWorld.APP_INFO;
import static dev.lifeboat.slack.StatusWorld.DYNOS;
import static dev.lifeboat.slack.StatusWorld.ONCALL;
import static dev.lifeboat.slack.StatusWorld.RELEASES;
import static dev.lifeboat.slack.StatusWorld.SCHEDULES;
import static dev.lifeboat.slack.StatusWorld.TRANSFERS;
import static dev.lifeboat.slack.StatusWorld.allText;
import static dev.lifeboat.slack.StatusWorld.assertLines;
import static dev.lifeboat.slack.StatusWorld.section;
import static dev.lifeboat.slack.StatusWorld.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.s3.S3ProxyExtension;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.status.StatusTimings;
import dev.lifeboat.testing.RawSite;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /dr status} never says "Down" about what it did not check: signed slash commands to the real server, WireMock
 * for the APIs, and a real local HTTP server (its own socket, its own keep-alive) for the probed app and site.
 */
@ExtendWith(S3ProxyExtension.class)
class SlackStatusTruthEndToEndTest {
    static final Duration DEADLINE = Duration.ofSeconds(3);
    static final List<String> HEROKU_CALLS = List.of(APP_INFO, DYNOS, RELEASES, ADDONS, TRANSFERS, SCHEDULES);

    static RawSite site;
    static StatusWorld world;

    @BeforeAll
    static void start(S3ProxyServer s3) throws Exception {
        site = RawSite.start();
        world = StatusWorld.start(s3, new StatusTimings(DEADLINE, Duration.ZERO), env -> {
            env.put("APP_URL", site.uri("/app").toString());
            env.put("APP_HEALTH_PATH", "/up");
            env.put("SITE_URL", site.uri("/site/").toString());
        });
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
        site.close();
    }

    @BeforeEach
    void green() {
        world.greenWorld();
        site.mode(RawSite.Mode.OK);
    }

    @Test
    void herokuRateLimitingEveryCallIsReportedAsSuchInTimeWhileTheProbesShowTheirRealAnswers() throws Exception {
        for (String url : HEROKU_CALLS) {
            world.stub(get(urlEqualTo(url)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"rate_limit\",\"message\":\"Your account reached the API rate limit\"}")));
        }
        int before = site.requests();

        JsonNode answer = world.answer(world.status(ONCALL));

        String verdict = verdict(answer);
        assertTrue(verdict.startsWith(":warning: *Degraded*\nSome checks did not answer: App (Heroku app), App (Dynos), "
                + "App (Releases), Database (Postgres), Database (Backups)"), verdict);
        assertLines(section(answer, "App"),
                ":grey_question: *App (acme-prod)* — unknown",
                "Heroku app: :grey_question: Heroku rate limited (retry in 5 s)",
                "Dynos: :grey_question: Heroku rate limited (retry in 5 s)",
                "Releases: :grey_question: Heroku rate limited (retry in 5 s)",
                "Health check <" + site.uri("/app/up") + "|" + site.uri("/app/up") + "> → 200 in {*} ms");
        String database = section(answer, "Database");
        assertTrue(database.contains("Postgres: :grey_question: Heroku rate limited (retry in 5 s)"), database);
        assertTrue(database.contains("Backups: :grey_question: Heroku Postgres backups rate limited (retry in 5 s)"), database);
        assertTrue(section(answer, "Website").contains("Site <" + site.uri("/site/") + "|" + site.uri("/site/") + "> → 200 in "),
                section(answer, "Website"));
        assertFalse(allText(answer).contains("no answer within"), "Heroku answered at once; nothing waited: " + allText(answer));
        assertFalse(allText(answer).contains(":red_circle:"), allText(answer));
        assertFalse(allText(answer).contains("Down"), allText(answer));
        for (String url : List.of(APP_INFO, DYNOS, RELEASES, ADDONS, TRANSFERS)) {
            world.wire.verify(1, getRequestedFor(urlEqualTo(url)));
        }
        assertEquals(before + 2, site.requests(), "both probes reached the site's server");
    }

    @Test
    void herokuHangingOnEveryCallLeavesItsLinesUnknownAndTheProbesTrue() throws Exception {
        for (String url : HEROKU_CALLS) {
            world.stub(get(urlEqualTo(url)).willReturn(okJson("{}").withFixedDelay(10_000)));
        }

        JsonNode answer = world.answer(world.status(ONCALL));

        assertTrue(verdict(answer).startsWith(":warning: *Degraded*"), verdict(answer));
        assertLines(section(answer, "App"),
                ":grey_question: *App (acme-prod)* — unknown",
                "Heroku app: :grey_question: no answer within 3 s",
                "Dynos: :grey_question: no answer within 3 s",
                "Releases: :grey_question: no answer within 3 s",
                "Health check <" + site.uri("/app/up") + "|" + site.uri("/app/up") + "> → 200 in {*} ms");
        assertTrue(section(answer, "Website").startsWith(":large_green_circle: *Website (acme-www)* — ok"), section(answer, "Website"));
        assertFalse(allText(answer).contains(":red_circle:"), allText(answer));
    }

    @Test
    void aSiteThatClosedItsKeptAliveConnectionBetweenTwoRoundsIsStillUp() throws Exception {
        JsonNode first = world.answer(world.status(ONCALL));
        assertEquals(":white_check_mark: *All clear*", verdict(first));
        int connections = site.connections();

        site.closeIdleConnections();
        world.greenWorld();
        JsonNode second = world.answer(world.status(ONCALL));

        assertEquals(":white_check_mark: *All clear*", verdict(second), allText(second));
        assertTrue(section(second, "Website").contains("> → 200 in "), section(second, "Website"));
        assertTrue(site.connections() > connections, "the probes asked again on fresh connections");
    }

    @Test
    void aServerThatClosesConnectionsBeforeAnsweringIsDownAndSaysSoInWords() throws Exception {
        site.mode(RawSite.Mode.CLOSE_BEFORE_ANSWER);

        JsonNode answer = world.answer(world.status(ONCALL));

        assertTrue(verdict(answer).startsWith(":rotating_light: *Down*\n*Likely ours:* the app does not answer while Heroku"
                + " reports no Apps incident"), verdict(answer));
        assertTrue(section(answer, "App").endsWith("> → connection closed before a response"), section(answer, "App"));
        assertTrue(section(answer, "Website").endsWith("> → connection closed before a response"), section(answer, "Website"));
    }
}
