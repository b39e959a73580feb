package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.lifeboat.incident.IncidentRecord;
import dev.lifeboat.incident.IncidentStore;
import dev.lifeboat.incident.TimelineEntry;
import dev.lifeboat.leader.Leadership;
import dev.lifeboat.statuspage.IncidentStatus;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.ManualClock;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incidents end to end over HTTP: signed {@code /dr incident …} requests and button clicks, WireMock playing
 * Slack's Web API, our Statuspage and the fallback webhook. The leader's task is driven by hand with a fake clock.
 */
class SlackIncidentEndToEndTest {
    static final String SECRET = "incident-e2e-signing-secret-0123456789";
    static final String OPERATOR = "U0OPERATOR";
    static final String OTHER = "U0SECONDOP";
    static final String CHANNEL = "C0INCIDENT";
    static final String PAGE = "q8w2e4r6t8y0";
    static final String INCIDENTS = "/sp/v1/pages/" + PAGE + "/incidents";
    static final String PAGE_INCIDENT = INCIDENTS + "/p0l9k8j7h6g5";
    static final Pattern DRAFT = Pattern.compile("incident post (i-[a-z2-9]{6})");

    static WireMockServer wire;
    static RunningLifeboat lifeboat;
    static SlackRequests slack;
    static final ManualClock clock = new ManualClock(Instant.now());
    static final HttpClient http = HttpClient.newHttpClient();
    static final AtomicInteger paths = new AtomicInteger();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        String base = "http://127.0.0.1:" + wire.port();
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-0000-incident-token");
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", base + "/api/");
        env.put("LIFEBOAT_OPERATORS", OPERATOR + "," + OTHER);
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        env.put("LIFEBOAT_INCIDENT_CHANNEL", CHANNEL);
        env.put("HEROKU_APP", "acme-prod");
        env.put("HEROKU_API_KEY", "heroku-e2e-api-key-0000");
        env.put("HEROKU_API_URL", base + "/heroku-api");
        env.put("STATUSPAGE_API_KEY", "statuspage-e2e-key-0000");
        env.put("STATUSPAGE_PAGE_ID", PAGE);
        env.put("STATUSPAGE_API_URL", base + "/sp/v1");
        env.put("STATUSPAGE_COMPONENT_IDS", "kz4m8p2x6c0v");
        env.put("LIFEBOAT_FALLBACK_WEBHOOK_URL", base + "/fallback/hook-secret-path");
        Module fakeClock = new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(clock);
            }
        };
        lifeboat = RunningLifeboat.start(env, List.of(fakeClock));
        slack = new SlackRequests(lifeboat.uri("/slack/events"), SECRET);
    }

    @AfterAll
    static void stop() {
        if (lifeboat != null) {
            lifeboat.close();
        }
        wire.stop();
    }

    @BeforeEach
    void world() {
        IncidentStore store = lifeboat.get(IncidentStore.class);
        for (IncidentRecord open : store.open()) {
            store.resolve(open.id(), new TimelineEntry.New(clock.instant(), "test", TimelineEntry.Kind.RESOLVED,
                    IncidentStatus.RESOLVED, "cleanup", false, false));
            store.slackDelivered(open.id(), 1_000);
        }
        stubs();
    }

    static void stubs() {
        wire.resetAll();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        wire.stubFor(post(urlEqualTo("/api/views.open")).willReturn(okJson(Fixtures.read("slack/views-open.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(Fixtures.read("slack/chat-update.json"))));
        wire.stubFor(post(urlEqualTo(INCIDENTS)).willReturn(okJson(Fixtures.read("statuspage/incident-created.json"))));
        wire.stubFor(patch(urlEqualTo(PAGE_INCIDENT)).willReturn(okJson(Fixtures.read("statuspage/incident-updated.json"))));
        wire.stubFor(get(urlEqualTo(INCIDENTS + "/unresolved")).willReturn(okJson("[]")));
        wire.stubFor(post(urlPathMatching("/fallback/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    // ---- the tests ------------------------------------------------------------------------------------------

    @Test
    void openPreviewThenPostThenUpdateThenResolveWithItsDuration() throws Exception {
        int n = slash("incident open a failing database migration", OPERATOR);
        JsonNode preview = answer(n);
        String text = readable(preview);
        assertEquals("ephemeral", preview.path("response_type").asText(), "the preview is private");
        assertTrue(text.contains("We're currently experiencing downtime due to a failing database migration. The team is"
                + " actively working on a resolution and will share updates shortly. Thank you for your patience."), text);
        assertTrue(text.contains("Nothing is posted until you press Post"), text);
        assertEquals(List.of("Post", "Edit", "Cancel"), buttonLabels(preview));
        assertEquals(0, posts("/api/chat.postMessage").size(), "nothing posted before Post");
        assertEquals(0, posts(INCIDENTS).size(), "no status-page incident before Post");

        String draft = draftId(preview);
        int posted = click("incident post " + draft, OPERATOR);
        String answer = readable(answer(posted));
        assertTrue(answer.contains("Incident " + draft + " is open"), answer);
        assertTrue(answer.contains("Status page: opened (investigating)"), answer);

        LoggedRequest message = await("/api/chat.postMessage", r -> true, 1).get(0);
        assertEquals(CHANNEL, field(message, "channel"));
        assertTrue(blocksOf(message).contains("due to a failing database migration"), blocksOf(message));
        assertTrue(blocksOf(message).contains("<@" + OPERATOR + "> opened the incident (investigating)"), blocksOf(message));
        JsonNode created = TypedCommands.read(posts(INCIDENTS).get(0).getBodyAsString()).path("incident");
        assertEquals("a failing database migration", created.path("name").asText());
        assertEquals("investigating", created.path("status").asText());
        assertTrue(created.path("body").asText().startsWith("We're currently experiencing downtime due to a failing"), created.toString());
        assertEquals("kz4m8p2x6c0v", created.path("component_ids").get(0).asText());
        assertEquals("major_outage", created.path("components").path("kz4m8p2x6c0v").asText());
        assertTrue(created.path("deliver_notifications").asBoolean(), "subscribers are told");
        assertEquals("OAuth statuspage-e2e-key-0000", posts(INCIDENTS).get(0).getHeader("Authorization"));

        // A second incident for the same service is refused, naming the open one.
        String refused = readable(answer(slash("incident open something else", OTHER)));
        assertTrue(refused.contains("An incident is already open for acme-prod: “a failing database migration” (" + draft
                + "), opened by <@" + OPERATOR + ">"), refused);

        // /dr incident shows it.
        String shown = readable(answer(slash("incident", OTHER)));
        assertTrue(shown.contains("a failing database migration") && shown.contains("Open for"), shown);

        // An update: one message edited, the page patched with the new status.
        clock.advance(Duration.ofMinutes(12));
        String updated = readable(answer(slash("incident update We found the migration that locks the orders table identified", OTHER)));
        assertTrue(updated.contains("Update posted on incident " + draft + " (identified)"), updated);
        LoggedRequest edit = await("/api/chat.update", r -> true, 1).get(0);
        assertEquals(field(message, "channel"), field(edit, "channel"));
        assertEquals("1700000000.000100", field(edit, "ts"), "the incident's one message is edited");
        assertTrue(blocksOf(edit).contains("<@" + OTHER + "> (identified): We found the migration that locks the orders table"),
                blocksOf(edit));
        JsonNode patched = TypedCommands.read(wire.findAll(patchRequestedFor(urlEqualTo(PAGE_INCIDENT))).get(0).getBodyAsString());
        assertEquals("identified", patched.path("incident").path("status").asText());
        assertEquals("We found the migration that locks the orders table", patched.path("incident").path("body").asText());

        // Resolve: the duration in the channel, the page resolved with its component operational.
        clock.advance(Duration.ofMinutes(50));
        String resolved = readable(answer(slash("incident resolve Orders are flowing again.", OPERATOR)));
        IncidentRecord closed = lifeboat.get(IncidentStore.class).find(draft).orElseThrow();
        String duration = dev.lifeboat.runbook.Durations.words(Duration.between(closed.openedAt().orElseThrow(),
                closed.resolvedAt().orElseThrow()));
        assertTrue(duration.startsWith("1 h "), "opened 62 minutes of the fake clock before: " + duration);
        assertTrue(java.util.regex.Pattern.compile("resolved after 1 h \\d+ min").matcher(resolved).find(), resolved);
        LoggedRequest last = await("/api/chat.update", r -> blocksOf(r).contains("Resolved after"), 1).get(0);
        assertTrue(java.util.regex.Pattern.compile("Resolved after 1 h \\d+ min").matcher(blocksOf(last)).find(), blocksOf(last));
        assertTrue(blocksOf(last).contains("resolved it: Orders are flowing again."), blocksOf(last));
        List<LoggedRequest> patches = wire.findAll(patchRequestedFor(urlEqualTo(PAGE_INCIDENT)));
        JsonNode resolution = TypedCommands.read(patches.get(patches.size() - 1).getBodyAsString()).path("incident");
        assertEquals("resolved", resolution.path("status").asText());
        assertEquals("operational", resolution.path("components").path("kz4m8p2x6c0v").asText());
        assertEquals(1, posts("/api/chat.postMessage").size(), "one incident message in all");
        assertEquals(1, posts(INCIDENTS).size(), "one status-page incident");
    }

    @Test
    void editOpensAModalWithTheTextAndTheSavedTextIsWhatIsPosted() throws Exception {
        int n = slash("incident open an outage", OPERATOR);
        JsonNode preview = answer(n);
        String[] edit = TypedCommands.typedButton(preview);
        sendPayload(TypedCommands.click(edit[0], edit[1], OPERATOR, CHANNEL, responseUrl(n), "8473651207.1.edit"));
        JsonNode view = TypedCommands.read(field(await("/api/views.open", r -> true, 1).get(0), "view"));
        assertTrue(view.toString().contains("due to an outage."), "the field holds the current text: " + view);

        HttpResponse<String> ack = sendPayload(TypedCommands.submission(view, OPERATOR,
                "Checkout is down while we restore the database. Next update by 15:00 UTC."));
        assertEquals("", ack.body());
        JsonNode again = TypedCommands.read(await("/respond/" + n, r -> true, 2).get(1).getBodyAsString());
        assertTrue(readable(again).contains("Checkout is down while we restore the database."), readable(again));
        assertEquals(0, posts("/api/chat.postMessage").size(), "editing posts nothing");

        answer(click("incident post " + draftId(again), OPERATOR));
        LoggedRequest message = await("/api/chat.postMessage", r -> true, 1).get(0);
        assertTrue(blocksOf(message).contains("Checkout is down while we restore the database."), blocksOf(message));
        assertTrue(TypedCommands.read(posts(INCIDENTS).get(0).getBodyAsString()).path("incident").path("body").asText()
                .startsWith("Checkout is down"));
    }

    @Test
    void aFailingStatusPageIsSaidInTheChannelAndALaterRetryBringsItInLine() throws Exception {
        wire.stubFor(post(urlEqualTo(INCIDENTS)).atPriority(1).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("statuspage/error-500.json"))));
        String draft = draftId(answer(slash("incident open checkout errors", OPERATOR)));
        String answer = readable(answer(click("incident post " + draft, OPERATOR)));
        assertTrue(answer.contains("Status page: not updated: Statuspage failed while creating an incident"), answer);
        assertTrue(answer.contains("goes on in Slack"), answer);
        LoggedRequest message = await("/api/chat.postMessage", r -> true, 1).get(0);
        assertTrue(blocksOf(message).contains("The status page was not updated: Statuspage failed"), blocksOf(message));

        // Statuspage answers again: the leader's task creates the incident once and says so in the channel.
        stubs();
        leaderRuns();
        await(INCIDENTS, r -> true, 1);
        await("/api/chat.update", r -> blocksOf(r).contains("The status page caught up"), 1);
        leaderRuns();
        Thread.sleep(200);
        assertEquals(1, posts(INCIDENTS).size(), "created once");
    }

    @Test
    void whileSlackFailsTheFallbackWebhookIsToldAndSlackGetsItOnceItAnswers() throws Exception {
        String draft = draftId(answer(slash("incident open the app is down", OPERATOR)));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).willReturn(aResponse().withStatus(500)));
        String answer = readable(answer(click("incident post " + draft, OPERATOR)));
        assertTrue(answer.contains("Slack: not posted (Slack answered HTTP 500). Sent to the fallback webhook"), answer);
        LoggedRequest hook = await("/fallback/hook-secret-path", r -> true, 1).get(0);
        JsonNode note = TypedCommands.read(hook.getBodyAsString());
        assertTrue(note.path("text").asText().contains("Incident opened by @" + OPERATOR), note.toString());
        assertTrue(note.path("text").asText().contains("due to the app is down"), note.toString());
        assertEquals(draft, note.path("incident").asText());
        assertEquals(1, posts(INCIDENTS).size(), "the status page is told all the same");

        leaderRuns();  // Slack still fails: the webhook is not told twice
        Thread.sleep(200);
        assertEquals(1, posts("/fallback/hook-secret-path").size());

        stubs();
        leaderRuns();
        LoggedRequest message = await("/api/chat.postMessage", r -> true, 1).get(0);
        assertTrue(blocksOf(message).contains("due to the app is down"), blocksOf(message));
        leaderRuns();
        Thread.sleep(200);
        assertEquals(1, posts("/api/chat.postMessage").size(), "delivered once");
        assertEquals(0, posts("/fallback/hook-secret-path").size());
    }

    @Test
    void thirtyMinutesWithoutAnUpdateBringAReminderNamingWhoOpenedIt() throws Exception {
        String draft = draftId(answer(slash("incident open slow pages", OPERATOR)));
        answer(click("incident post " + draft, OPERATOR));
        await("/api/chat.postMessage", r -> true, 1);

        clock.advance(Duration.ofMinutes(29));
        leaderRuns();
        Thread.sleep(200);
        assertEquals(1, posts("/api/chat.postMessage").size(), "no reminder before 30 minutes");

        clock.advance(Duration.ofMinutes(2));
        leaderRuns();
        LoggedRequest reminder = await("/api/chat.postMessage", r -> blocksOf(r).contains(":alarm_clock:"), 1).get(0);
        assertTrue(Pattern.compile("No update on the incident “slow pages” \\(" + draft + "\\) for 3\\d min\\. <@"
                + OPERATOR + "> opened it at \\d\\d:\\d\\d UTC").matcher(blocksOf(reminder)).find(), blocksOf(reminder));
        leaderRuns();
        Thread.sleep(200);
        assertEquals(2, posts("/api/chat.postMessage").size(), "one reminder per quiet spell");
    }

    // ---- Slack, as people use it ------------------------------------------------------------------------------

    /** The leader's tick with the fake clock: it runs the incident task (on the leader executor) once it is due. */
    static void leaderRuns() throws InterruptedException {
        clock.advance(Duration.ofSeconds(31));
        lifeboat.get(Leadership.class).tick();
        Thread.sleep(300);
    }

    String responseUrl(int n) {
        return "http://127.0.0.1:" + wire.port() + "/respond/" + n;
    }

    int slash(String text, String user) throws Exception {
        int n = paths.incrementAndGet();
        HttpResponse<String> ack = http.send(slack.signed(SlackRequests.slashCommandBody(text, user, CHANNEL, responseUrl(n))),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ack.statusCode(), ack.body());
        return n;
    }

    /** A click on a button that runs {@code command}; returns the number of its response_url. */
    int click(String command, String user) throws Exception {
        int n = paths.incrementAndGet();
        HttpResponse<String> ack = http.send(slack.signed(SlackRequests.buttonClickBody(BlockKit.RUN_ACTION_PREFIX + "0",
                command, user, CHANNEL, responseUrl(n))), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ack.statusCode(), ack.body());
        return n;
    }

    HttpResponse<String> sendPayload(JsonNode payload) throws Exception {
        String body = "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
        return http.send(slack.signed(body), HttpResponse.BodyHandlers.ofString());
    }

    static String draftId(JsonNode preview) {
        Matcher m = DRAFT.matcher(preview.toString());
        assertTrue(m.find(), "the preview's Post button names the draft: " + preview);
        return m.group(1);
    }

    static List<LoggedRequest> posts(String path) {
        return wire.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    static List<LoggedRequest> await(String path, Predicate<LoggedRequest> which, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            List<LoggedRequest> found = posts(path).stream().filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + count + " POSTs to " + path + " within 15 s; had " + found.size()
                        + ": " + found.stream().map(LoggedRequest::getBodyAsString).toList());
            }
            Thread.sleep(20);
        }
    }

    static JsonNode answer(int n) throws InterruptedException {
        return TypedCommands.read(await("/respond/" + n, r -> true, 1).get(0).getBodyAsString());
    }

    static String field(LoggedRequest form, String name) {
        for (String pair : form.getBodyAsString().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The text and blocks of a chat.postMessage / chat.update, decoded. */
    static String blocksOf(LoggedRequest r) {
        String blocks = field(r, "blocks");
        return readable(TypedCommands.read("{\"text\":" + TypedCommands.JSON.valueToTree(String.valueOf(field(r, "text")))
                + ",\"blocks\":" + (blocks == null ? "[]" : blocks) + "}"));
    }

    static String readable(JsonNode message) {
        StringBuilder text = new StringBuilder(message.path("text").asText()).append('\n');
        for (JsonNode block : message.path("blocks")) {
            text.append(block.path("text").path("text").asText()).append('\n');
            for (JsonNode f : block.path("fields")) {
                text.append(f.path("text").asText()).append('\n');
            }
            for (JsonNode element : block.path("elements")) {
                text.append(element.path("text").isTextual() ? element.path("text").asText()
                        : element.path("text").path("text").asText()).append('\n');
            }
        }
        return text.toString();
    }

    static List<String> buttonLabels(JsonNode message) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode block : message.path("blocks")) {
            if (block.path("type").asText().equals("actions")) {
                for (JsonNode element : block.path("elements")) {
                    out.add(element.path("text").path("text").asText());
                }
            }
        }
        return out;
    }
}
