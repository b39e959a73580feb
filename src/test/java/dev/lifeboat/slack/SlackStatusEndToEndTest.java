package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.lifeboat.slack.StatusWorld.ADDONS;
import static dev.lifeboat.slack.StatusWorld.APP_HEALTH;
import static dev.lifeboat.slack.StatusWorld.APP_INFO;
import static dev.lifeboat.slack.StatusWorld.BACKUP_BYTES;
import static dev.lifeboat.slack.StatusWorld.DEPLOYS;
import static dev.lifeboat.slack.StatusWorld.DYNOS;
import static dev.lifeboat.slack.StatusWorld.HEROKU_KEY;
import static dev.lifeboat.slack.StatusWorld.HEROKU_STATUS;
import static dev.lifeboat.slack.StatusWorld.NETLIFY_STATUS;
import static dev.lifeboat.slack.StatusWorld.NETLIFY_TOKEN;
import static dev.lifeboat.slack.StatusWorld.ONCALL;
import static dev.lifeboat.slack.StatusWorld.OPERATOR;
import static dev.lifeboat.slack.StatusWorld.RELEASES;
import static dev.lifeboat.slack.StatusWorld.SCHEDULES;
import static dev.lifeboat.slack.StatusWorld.SITE;
import static dev.lifeboat.slack.StatusWorld.SITE_ID;
import static dev.lifeboat.slack.StatusWorld.TRANSFERS;
import static dev.lifeboat.slack.StatusWorld.UPSTREAM_CALLS;
import static dev.lifeboat.slack.StatusWorld.allText;
import static dev.lifeboat.slack.StatusWorld.assertLines;
import static dev.lifeboat.slack.StatusWorld.buttons;
import static dev.lifeboat.slack.StatusWorld.section;
import static dev.lifeboat.slack.StatusWorld.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeboat.s3.S3ProxyExtension;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.slack.StatusWorld.Backup;
import dev.lifeboat.slack.StatusWorld.Sent;
import dev.lifeboat.status.StatusTimings;
import dev.lifeboat.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /dr status} end to end: signed slash commands to the real Jetty endpoint, the report read from the
 * {@code response_url} as Slack would show it. One server for the class; its status rounds are never shared
 * ({@code shareWindow} zero), so each test sees only the world it stubbed.
 */
@ExtendWith(S3ProxyExtension.class)
class SlackStatusEndToEndTest {
    static final Duration DEADLINE = Duration.ofSeconds(2);
    static final StatusTimings TIMINGS = new StatusTimings(DEADLINE, Duration.ZERO);
    static final String SHARE_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static StatusWorld world;
    static String base;

    @BeforeAll
    static void start(S3ProxyServer s3) throws Exception {
        world = StatusWorld.start(s3, TIMINGS, env -> { });
        base = world.baseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    @BeforeEach
    void green() {
        world.greenWorld();
    }

    @Test
    void allGreenSaysAllClearSectionBySectionAndSharesTheSameReportInTheChannel() throws Exception {
        JsonNode answer = world.answer(world.status(ONCALL));

        assertEquals("ephemeral", answer.path("response_type").asText());
        assertEquals("Lifeboat status: All clear", answer.path("text").asText());
        assertEquals(":white_check_mark: *All clear*", verdict(answer));
        assertLines(section(answer, "App"),
                ":large_green_circle: *App (acme-prod)* — ok",
                "Maintenance mode off",
                "Dynos: `web` 2/2 up, `worker` 1/1 up",
                "Release *v42* 2 d ago by maria@acme-shop.example — Deploy 4e1a9c2",
                "Health check <" + base + "/app/up|" + base + "/app/up> → 200 in {*} ms");
        assertLines(section(answer, "Database"),
                ":large_green_circle: *Database* — ok",
                "Heroku Postgres `heroku-postgresql:standard-0` (postgresql-curved-41234)",
                "Newest backup *a012* finished " + world.finishedWhen(Duration.ofHours(6)) + " (6 h ago), 42.20 KB",
                "Backups scheduled daily at 02:00 UTC",
                "Newest offsite copy `pg-backups/acme-prod/a012.dump` {*} ago, 42.20 KB",
                "It matches the newest backup *a012*: size matches, no checksum recorded");
        assertLines(section(answer, "Website"),
                ":large_green_circle: *Website (acme-www)* — ok",
                "Published deploy `663d2b8e` (ready) 24 h ago — Fix footer links on pricing page",
                "Site <" + base + "/site/|" + base + "/site/> → 200 in {*} ms");
        assertLines(section(answer, "Platforms"),
                ":large_green_circle: *Platforms* — ok",
                "*Heroku*: Apps green, Data green, Tools green",
                "*Netlify*: All Systems Operational");
        assertTrue(allText(answer).matches("(?s).*\nAs of \\d\\d:\\d\\d:\\d\\d UTC · `/dr help` for every command\n.*"), allText(answer));
        List<String> buttons = buttons(answer);
        assertEquals(1, buttons.size(), "only the share button when nothing needs doing: " + buttons);
        assertTrue(buttons.get(0).matches("Share in channel → " + SHARE_ID), buttons.get(0));
        JsonNode share = lastBlock(answer).path("elements").path(0);
        assertEquals("lifeboat:share", share.path("action_id").asText());

        // The calls behind it: each once, with the right credentials and Heroku's paging header.
        for (String url : UPSTREAM_CALLS) {
            world.wire.verify(1, getRequestedFor(urlEqualTo(url)));
        }
        world.wire.verify(getRequestedFor(urlEqualTo(RELEASES))
                .withHeader("Range", equalTo("version ..; max=10, order=desc"))
                .withHeader("Authorization", equalTo("Bearer " + HEROKU_KEY)));
        world.wire.verify(getRequestedFor(urlEqualTo(TRANSFERS)).withHeader("Authorization", equalTo("Bearer " + HEROKU_KEY)));
        world.wire.verify(getRequestedFor(urlEqualTo(SITE)).withHeader("Authorization", equalTo("Bearer " + NETLIFY_TOKEN)));

        JsonNode shared = world.answer(world.click("lifeboat:share", share.path("value").asText(), OPERATOR));

        assertEquals("in_channel", shared.path("response_type").asText());
        assertEquals(answer.path("text"), shared.path("text"));
        ArrayNode seen = ((ArrayNode) answer.path("blocks").deepCopy());
        seen.remove(seen.size() - 1);
        ArrayNode posted = ((ArrayNode) shared.path("blocks").deepCopy());
        JsonNode sharedBy = posted.remove(posted.size() - 1);
        assertEquals(seen, posted, "the channel sees exactly the report that was shown, not a fresh one");
        assertEquals("Shared by <@" + OPERATOR + ">", sharedBy.path("elements").path(0).path("text").asText());
        assertTrue(buttons(shared).isEmpty(), "no share button on the shared copy");
        world.wire.verify(1, getRequestedFor(urlEqualTo(APP_INFO)));
    }

    @Test
    void aShareClickForAReportLifeboatDoesNotHaveAsksForAFreshOne() throws Exception {
        JsonNode answer = world.answer(world.click("lifeboat:share", "5f0c2a1b-0000-4000-8000-000000000000", OPERATOR));

        assertEquals("ephemeral", answer.path("response_type").asText());
        assertTrue(allText(answer).contains("That report has expired; run `/dr status` again for a fresh one."), allText(answer));
        world.wire.verify(0, getRequestedFor(urlEqualTo(APP_INFO)));
    }

    @Test
    void appDownDuringAHerokuAppsIncidentIsLaidAtThePlatformWithTheIncidentLinked() throws Exception {
        world.stub(get(urlEqualTo(APP_HEALTH)).willReturn(aResponse().withStatus(503).withHeader("X-Heroku-Error", "H12")));
        world.stub(get(urlEqualTo(HEROKU_STATUS)).willReturn(okJson(
                Fixtures.read("platformstatus/heroku-current-status-incident.json"))));

        JsonNode answer = world.answer(world.status(ONCALL));

        assertEquals(":rotating_light: *Down*\n*Likely the platform:* the app does not answer and Heroku reports an "
                + "incident (Elevated H12 request timeouts in the Common Runtime). Restarting or rolling back will not "
                + "help; follow the incident.", verdict(answer));
        assertTrue(answer.path("text").asText().startsWith("Lifeboat status: Down — Likely the platform:"), answer.path("text").asText());
        assertLines(section(answer, "App"),
                ":red_circle: *App (acme-prod)* — down",
                "Maintenance mode off",
                "Dynos: `web` 2/2 up, `worker` 1/1 up",
                "Release *v42* 2 d ago by maria@acme-shop.example — Deploy 4e1a9c2",
                "Health check <" + base + "/app/up|" + base + "/app/up> → 503 in {*} ms — Heroku router H12");
        assertLines(section(answer, "Platforms"),
                ":red_circle: *Platforms* — down",
                "*Heroku*: Apps red, Data green, Tools yellow",
                "• <https://status.heroku.com/incidents/2817|Elevated H12 request timeouts in the Common Runtime> _(issue)_",
                "*Netlify*: All Systems Operational");
        assertTrue(section(answer, "Database").startsWith(":large_green_circle: *Database* — ok\n"));
        assertTrue(section(answer, "Website").startsWith(":large_green_circle: *Website (acme-www)* — ok\n"));
        List<String> buttons = buttons(answer);
        assertEquals(1, buttons.size(), "restart, rollback and logs are not offered for Heroku's incident: " + buttons);
        assertTrue(buttons.get(0).startsWith("Share in channel → "));
    }

    @Test
    void everyWebDynoCrashedWhileHerokuIsGreenIsOursWithLogsRestartAndRollbackOffered() throws Exception {
        world.stub(get(urlEqualTo(DYNOS)).willReturn(okJson(StatusWorld.fixture("status/heroku-dynos-web-crashed.json"))));
        world.stub(get(urlEqualTo(APP_HEALTH)).willReturn(aResponse().withStatus(503).withHeader("X-Heroku-Error", "H10")));

        JsonNode answer = world.answer(world.status(ONCALL));

        assertEquals(":rotating_light: *Down*\n*Likely ours:* every web dyno has crashed while Heroku is green. Check "
                + "the logs; release v42 (maria@acme-shop.example) is the current one, then restart or roll back.",
                verdict(answer));
        assertLines(section(answer, "App"),
                ":red_circle: *App (acme-prod)* — down",
                "Maintenance mode off",
                "Dynos: `web` 0/2 up (2 crashed), `worker` 1/1 up",
                "Release *v42* 2 d ago by maria@acme-shop.example — Deploy 4e1a9c2",
                "Health check <" + base + "/app/up|" + base + "/app/up> → 503 in {*} ms — Heroku router H10");
        assertLines(section(answer, "Platforms"),
                ":large_green_circle: *Platforms* — ok",
                "*Heroku*: Apps green, Data green, Tools green",
                "*Netlify*: All Systems Operational");
        List<String> buttons = buttons(answer);
        assertEquals(List.of("Show logs → logs", "Restart web dynos → restart web (danger)", "Roll back → rollback (danger)"),
                buttons.subList(0, 3));
        assertTrue(buttons.get(3).matches("Share in channel → " + SHARE_ID), buttons.toString());
    }

    @Test
    void aNewestBackupOlderThanTheMaximumAgeDegradesWithBackupNowOffered() throws Exception {
        world.backups(Backup.scheduled(11, Duration.ofHours(49)), Backup.scheduled(12, Duration.ofHours(25)));

        JsonNode answer = world.answer(world.status(ONCALL));

        assertEquals(":warning: *Degraded*\n*Backups need attention:* the newest backup is 25 h old.", verdict(answer));
        assertLines(section(answer, "Database"),
                ":large_yellow_circle: *Database* — warning",
                "Heroku Postgres `heroku-postgresql:standard-0` (postgresql-curved-41234)",
                ":warning: Newest backup *a012* finished " + world.finishedWhen(Duration.ofHours(25))
                        + " (25 h ago), 42.20 KB — older than 24 h (LIFEBOAT_BACKUP_MAX_AGE_HOURS)",
                "Backups scheduled daily at 02:00 UTC",
                "Newest offsite copy `pg-backups/acme-prod/a012.dump` {*} ago, 42.20 KB",
                "It matches the newest backup *a012*: size matches, no checksum recorded");
        assertOtherSectionsOk(answer, "Database");
        assertEquals(List.of("Show backups → backups", "Back up now → backup (danger)"), buttons(answer).subList(0, 2));
        assertEquals(3, buttons(answer).size(), buttons(answer).toString());
    }

    @Test
    void aFailedLatestBackupIsNamedEvenThoughAnOlderOneSucceeded() throws Exception {
        world.backups(Backup.scheduled(11, Duration.ofHours(30)), Backup.scheduled(12, Duration.ofHours(6)),
                Backup.manual(13, Duration.ofMinutes(61)).failed());

        JsonNode answer = world.answer(world.status(ONCALL));

        assertEquals(":warning: *Degraded*\n*Backups need attention:* the latest backup b013 failed.", verdict(answer));
        assertLines(section(answer, "Database"),
                ":large_yellow_circle: *Database* — warning",
                "Heroku Postgres `heroku-postgresql:standard-0` (postgresql-curved-41234)",
                "Newest backup *a012* finished " + world.finishedWhen(Duration.ofHours(6)) + " (6 h ago), 42.20 KB",
                ":x: Latest backup *b013* failed 1 h 1 min ago",
                "Backups scheduled daily at 02:00 UTC",
                "Newest offsite copy `pg-backups/acme-prod/a012.dump` {*} ago, 42.20 KB",
                "It matches the newest backup *a012*: size matches, no checksum recorded");
        assertOtherSectionsOk(answer, "Database");
        assertEquals(List.of("Show backups → backups"), buttons(answer).subList(0, 1));
        assertEquals(2, buttons(answer).size(), "a failed backup is not stale: no 'Back up now' " + buttons(answer));
    }

    @Test
    void aNewestBackupWithoutAnOffsiteCopyIsCalledOut() throws Exception {
        world.clearOffsiteCopies();
        world.offsiteCopy("a011.dump", BACKUP_BYTES);

        JsonNode answer = world.answer(world.status(ONCALL));

        assertEquals(":warning: *Degraded*\n*Backups need attention:* the newest backup a012 has no offsite copy.",
                verdict(answer));
        assertLines(section(answer, "Database"),
                ":large_yellow_circle: *Database* — warning",
                "Heroku Postgres `heroku-postgresql:standard-0` (postgresql-curved-41234)",
                "Newest backup *a012* finished " + world.finishedWhen(Duration.ofHours(6)) + " (6 h ago), 42.20 KB",
                "Backups scheduled daily at 02:00 UTC",
                "Newest offsite copy `pg-backups/acme-prod/a011.dump` {*} ago, 42.20 KB",
                ":warning: Newest backup *a012* has no offsite copy");
        assertOtherSectionsOk(answer, "Database");
    }

    @Test
    void anOffsiteCopyWhoseSizeDiffersFromTheBackupDoesNotCountAsAMatch() throws Exception {
        world.clearOffsiteCopies();
        world.offsiteCopy("a011.dump", BACKUP_BYTES);
        world.offsiteCopy("a012.dump", 40_000);

        JsonNode answer = world.answer(world.status(ONCALL));

        assertEquals(":warning: *Degraded*\n*Backups need attention:* the offsite copy of a012 has the wrong size.",
                verdict(answer));
        assertLines(section(answer, "Database"),
                ":large_yellow_circle: *Database* — warning",
                "Heroku Postgres `heroku-postgresql:standard-0` (postgresql-curved-41234)",
                "Newest backup *a012* finished " + world.finishedWhen(Duration.ofHours(6)) + " (6 h ago), 42.20 KB",
                "Backups scheduled daily at 02:00 UTC",
                "Newest offsite copy `pg-backups/acme-prod/a012.dump` {*} ago, 39.06 KB",
                ":warning: The offsite copy of *a012* is 39.06 KB, the backup 42.20 KB");
    }

    @Test
    void anUpstreamThatNeverAnswersCostsOnlyItsOwnLineAndTheReportArrivesByTheDeadline() throws Exception {
        world.stub(get(urlEqualTo(DYNOS)).willReturn(okJson(StatusWorld.fixture("status/heroku-dynos-up.json"))
                .withFixedDelay(5_000)));

        Sent sent = world.status(ONCALL);
        long ackMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent.sentAtNanos());
        JsonNode answer = world.answer(sent);
        long answerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent.sentAtNanos());

        // Slack's own limit for the acknowledgement; speed itself is measured in bench/status.sh.
        assertTrue(ackMillis < 3_000, "acknowledged within Slack's 3 s: " + ackMillis + " ms");
        assertTrue(answerMillis < 5_000, "the report did not wait for the hanging call (5 s): " + answerMillis + " ms");
        assertEquals(":warning: *Degraded*\nSome checks did not answer: App (Dynos). The rest looks fine.", verdict(answer));
        assertLines(section(answer, "App"),
                ":grey_question: *App (acme-prod)* — unknown",
                "Maintenance mode off",
                "Dynos: :grey_question: no answer within 2 s",
                "Release *v42* 2 d ago by maria@acme-shop.example — Deploy 4e1a9c2",
                "Health check <" + base + "/app/up|" + base + "/app/up> → 200 in {*} ms");
        assertTrue(section(answer, "Database").contains("\nIt matches the newest backup *a012*"), section(answer, "Database"));
        assertOtherSectionsOk(answer, "App");
    }

    @Test
    void aHerokuRateLimitLeavesItsChecksUnknownNeverDownAndIsNotRetriedPastTheDeadline() throws Exception {
        for (String url : List.of(APP_INFO, DYNOS, RELEASES, ADDONS)) {
            world.stub(get(urlEqualTo(url)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"rate_limit\",\"message\":\"Your account reached the API rate limit\"}")));
        }

        JsonNode answer = world.answer(world.status(ONCALL));

        String limited = ":grey_question: Heroku rate limited (retry in 120 s)";
        assertEquals(":warning: *Degraded*\nSome checks did not answer: App (Heroku app), App (Dynos), App (Releases), "
                + "Database (Postgres). The rest looks fine.", verdict(answer));
        assertLines(section(answer, "App"),
                ":grey_question: *App (acme-prod)* — unknown",
                "Heroku app: " + limited,
                "Dynos: " + limited,
                "Releases: " + limited,
                "Health check <" + base + "/app/up|" + base + "/app/up> → 200 in {*} ms");
        assertLines(section(answer, "Database"),
                ":grey_question: *Database* — unknown",
                "Postgres: " + limited,
                "Newest backup *a012* finished " + world.finishedWhen(Duration.ofHours(6)) + " (6 h ago), 42.20 KB",
                "Backups scheduled daily at 02:00 UTC",
                "Newest offsite copy `pg-backups/acme-prod/a012.dump` {*} ago, 42.20 KB",
                "It matches the newest backup *a012*: size matches, no checksum recorded");
        assertFalse(allText(answer).contains(":red_circle:"), allText(answer));
        assertFalse(allText(answer).contains("— down"), allText(answer));
        for (String url : List.of(APP_INFO, DYNOS, RELEASES, ADDONS)) {
            world.wire.verify(1, getRequestedFor(urlEqualTo(url)));
        }
        // The add-on id learnt by an earlier round still finds the schedule while the Platform API is rate limited.
        world.wire.verify(1, getRequestedFor(urlEqualTo(SCHEDULES)));
    }

    @Test
    void malformedJsonFromNetlifyLeavesTheWebsiteUnknownWithAClearReasonAndTheRestUnaffected() throws Exception {
        world.stub(get(urlEqualTo(SITE)).willReturn(okJson("{\"id\": \"" + SITE_ID + "\", \"name\": \"acme-www\", "
                + "\"published_deploy\": {\"id\": \"663d2b8e4a1f9c0008b7c6d4\", \"state\": ")));

        JsonNode answer = world.answer(world.status(ONCALL));

        assertEquals(":warning: *Degraded*\nSome checks did not answer: Website (Netlify). The rest looks fine.", verdict(answer));
        assertLines(section(answer, "Website"),
                ":grey_question: *Website* — unknown",
                "Netlify: :grey_question: Netlify answered reading site " + SITE_ID + " with a body Lifeboat could not "
                        + "read (status 200, not the JSON expected). A proxy may have answered or the API changed: "
                        + "check NETLIFY_API_URL (" + base + "/netlify/api/v1).",
                "Site <" + base + "/site/|" + base + "/site/> → 200 in {*} ms");
        assertOtherSectionsOk(answer, "Website");
        world.wire.verify(1, getRequestedFor(urlEqualTo(SITE)));
        world.wire.verify(1, getRequestedFor(urlEqualTo(DEPLOYS)));
    }

    @Test
    void sixtyOpenIncidentsOnEachStatusPageStayWithinSlacksLimitsAndSayHowManyMore() throws Exception {
        world.stub(get(urlEqualTo(HEROKU_STATUS)).willReturn(okJson(herokuWithIncidents(60).toString())));
        world.stub(get(urlEqualTo(NETLIFY_STATUS)).willReturn(okJson(netlifyWithIncidents(60).toString())));

        JsonNode answer = world.answer(world.status(ONCALL));

        JsonNode blocks = answer.path("blocks");
        assertTrue(blocks.size() <= 50, blocks.size() + " blocks");
        for (JsonNode block : blocks) {
            assertTrue(block.path("text").path("text").asText().length() <= 3_000, block.toString());
            for (JsonNode element : block.path("elements")) {
                assertTrue(element.path("text").asText().length() <= 3_000, element.toString());
            }
        }
        String platforms = section(answer, "Platforms");
        assertTrue(platforms.contains("\n• … and 55 more open incidents on <" + base + "/heroku-status|the status page>"), platforms);
        assertTrue(platforms.contains("\n• … and 55 more open incidents on <https://www.netlifystatus.com|the status page>"), platforms);
        Matcher shown = Pattern.compile("\n• <").matcher(platforms);
        int count = 0;
        while (shown.find()) {
            count++;
        }
        assertEquals(10, count, "five incidents per platform:\n" + platforms);
        assertTrue(platforms.contains("\n• <https://status.heroku.com/incidents/1001|Heroku incident 1: "), "newest first:\n" + platforms);
        assertTrue(platforms.contains("\n• <https://stspg.io/n1|Netlify incident 1: "), "newest first:\n" + platforms);
        assertFalse(platforms.contains("incident 6: "), platforms);
        assertTrue(verdict(answer).startsWith(":warning: *Degraded*\nHeroku reports an incident (Heroku incident 1: "), verdict(answer));
        assertTrue(verdict(answer).contains(") and Netlify reports: Netlify incident 1: "), verdict(answer));
        assertTrue(verdict(answer).endsWith("; the app and the website answer normally."), verdict(answer));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static JsonNode lastBlock(JsonNode answer) {
        JsonNode blocks = answer.path("blocks");
        return blocks.path(blocks.size() - 1);
    }

    private static void assertOtherSectionsOk(JsonNode answer, String except) {
        for (String name : List.of("App", "Database", "Website", "Platforms")) {
            if (!name.equals(except)) {
                assertTrue(section(answer, name).matches("(?s):large_green_circle: \\*" + name + "( \\([^)]*\\))?\\* — ok\n.*"),
                        section(answer, name));
            }
        }
    }

    /** A long title, so five of them come near a section's 3,000 characters if nothing cut them. */
    private static String title(String platform, int n) {
        return platform + " incident " + n + ": " + "elevated error rates and slow responses for some customers ".repeat(5);
    }

    private static ObjectNode herokuWithIncidents(int count) {
        ObjectNode page = StatusWorld.JSON.createObjectNode();
        ArrayNode systems = page.putArray("status");
        systems.addObject().put("system", "Apps").put("status", "yellow");
        systems.addObject().put("system", "Data").put("status", "green");
        systems.addObject().put("system", "Tools").put("status", "green");
        ArrayNode incidents = page.putArray("incidents");
        for (int n = 1; n <= count; n++) {
            ObjectNode incident = incidents.addObject();
            incident.put("id", 1000 + n).put("title", title("Heroku", n))
                    .put("full_url", "https://status.heroku.com/incidents/" + (1000 + n))
                    .put("created_at", Instant.now().minus(Duration.ofMinutes(n)).toString()).put("resolved", false);
            incident.putArray("updates").addObject().put("update_type", "issue").put("contents", "Investigating.");
        }
        page.putArray("scheduled");
        return page;
    }

    private static ObjectNode netlifyWithIncidents(int count) {
        ObjectNode page = StatusWorld.JSON.createObjectNode();
        page.putObject("page").put("id", "pr9m7x3cqq3y").put("name", "Netlify").put("url", "https://www.netlifystatus.com");
        page.putArray("components").addObject().put("id", "0g6r4xrw7l4h").put("name", "Content Delivery Network")
                .put("status", "degraded_performance").put("group", false);
        ArrayNode incidents = page.putArray("incidents");
        for (int n = 1; n <= count; n++) {
            incidents.addObject().put("id", "inc" + n).put("name", title("Netlify", n)).put("status", "investigating")
                    .put("impact", "minor").put("shortlink", "https://stspg.io/n" + n)
                    .put("created_at", Instant.now().minus(Duration.ofMinutes(n)).toString()).put("page_id", "pr9m7x3cqq3y");
        }
        page.putArray("scheduled_maintenances");
        page.putObject("status").put("indicator", "minor").put("description", "Minor Service Outage");
        return page;
    }
}
