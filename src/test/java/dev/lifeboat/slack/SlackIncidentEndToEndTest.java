package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.lifeboat.slack.SlackWire.buttonLabels;
import static dev.lifeboat.slack.SlackWire.field;
import static dev.lifeboat.slack.SlackWire.readable;
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
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    static SlackWire slack;
    static final ManualClock clock = new ManualClock(Instant.now());

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackWire(CHANNEL);
        wire = slack.wire;
        String base = slack.base();
        Map<String, String> env = slack.env("xoxb-0000-incident-token", SECRET, OPERATOR + "," + OTHER, dataDir);
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
        slack.sendTo(lifeboat, SECRET);
        slack.whenLate(path -> String.valueOf(slack.posts(path).stream().map(LoggedRequest::getBodyAsString).toList()));
    }

    @AfterAll
    static void stop() {
        slack.stop(lifeboat);
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
        slack.reset();
        slack.stubViewsOpen();
        wire.stubFor(post(urlEqualTo(INCIDENTS)).willReturn(okJson(Fixtures.read("statuspage/incident-created.json"))));
        wire.stubFor(patch(urlEqualTo(PAGE_INCIDENT)).willReturn(okJson(Fixtures.read("statuspage/incident-updated.json"))));
        wire.stubFor(get(urlEqualTo(INCIDENTS + "/unresolved")).willReturn(okJson("[]")));
        wire.stubFor(post(urlPathMatching("/fallback/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    // ---- the tests ------------------------------------------------------------------------------------------

    @Test
    void openPreviewThenPostThenUpdateThenResolveWithItsDuration() throws Exception {
        int n = slack.slash("incident open a failing database migration", OPERATOR);
        JsonNode preview = slack.answer(n);
        String text = readable(preview);
        assertEquals("ephemeral", preview.path("response_type").asText(), "the preview is private");
        assertTrue(text.contains("We're currently experiencing downtime due to a failing database migration. The team is"
                + " actively working on a resolution and will share updates shortly. Thank you for your patience."), text);
        assertTrue(text.contains("Nothing is posted until you press Post"), text);
        assertEquals(List.of("Post", "Edit", "Cancel"), buttonLabels(preview));
        assertEquals(0, slack.posts("/api/chat.postMessage").size(), "nothing posted before Post");
        assertEquals(0, slack.posts(INCIDENTS).size(), "no status-page incident before Post");

        String draft = draftId(preview);
        int posted = click("incident post " + draft, OPERATOR);
        String answer = readable(slack.answer(posted));
        assertTrue(answer.contains("Incident " + draft + " is open"), answer);
        assertTrue(answer.contains("Status page: opened (investigating)"), answer);

        LoggedRequest message = slack.awaitMatching("/api/chat.postMessage", r -> true, 1).get(0);
        assertEquals(CHANNEL, field(message, "channel"));
        assertTrue(blocksOf(message).contains("due to a failing database migration"), blocksOf(message));
        assertTrue(blocksOf(message).contains("<@" + OPERATOR + "> opened the incident (investigating)"), blocksOf(message));
        JsonNode created = TypedCommands.read(slack.posts(INCIDENTS).get(0).getBodyAsString()).path("incident");
        assertEquals("a failing database migration", created.path("name").asText());
        assertEquals("investigating", created.path("status").asText());
        assertTrue(created.path("body").asText().startsWith("We're currently experiencing downtime due to a failing"), created.toString());
        assertEquals("kz4m8p2x6c0v", created.path("component_ids").get(0).asText());
        assertEquals("major_outage", created.path("components").path("kz4m8p2x6c0v").asText());
        assertTrue(created.path("deliver_notifications").asBoolean(), "subscribers are told");
        assertEquals("OAuth statuspage-e2e-key-0000", slack.posts(INCIDENTS).get(0).getHeader("Authorization"));

        // A second incident for the same service is refused, naming the open one.
        String refused = readable(slack.answer(slack.slash("incident open something else", OTHER)));
        assertTrue(refused.contains("An incident is already open for acme-prod: “a failing database migration” (" + draft
                + "), opened by <@" + OPERATOR + ">"), refused);

        // /dr incident shows it.
        String shown = readable(slack.answer(slack.slash("incident", OTHER)));
        assertTrue(shown.contains("a failing database migration") && shown.contains("Open for"), shown);

        // An update: one message edited, the page patched with the new status.
        clock.advance(Duration.ofMinutes(12));
        String updated = readable(slack.answer(slack.slash("incident update We found the migration that locks the orders table identified", OTHER)));
        assertTrue(updated.contains("Update posted on incident " + draft + " (identified)"), updated);
        LoggedRequest edit = slack.awaitMatching("/api/chat.update", r -> true, 1).get(0);
        assertEquals(field(message, "channel"), field(edit, "channel"));
        assertEquals("1700000000.000100", field(edit, "ts"), "the incident's one message is edited");
        assertTrue(blocksOf(edit).contains("<@" + OTHER + "> (identified): We found the migration that locks the orders table"),
                blocksOf(edit));
        JsonNode patched = TypedCommands.read(wire.findAll(patchRequestedFor(urlEqualTo(PAGE_INCIDENT))).get(0).getBodyAsString());
        assertEquals("identified", patched.path("incident").path("status").asText());
        assertEquals("We found the migration that locks the orders table", patched.path("incident").path("body").asText());

        // Resolve: the duration in the channel, the page resolved with its component operational.
        clock.advance(Duration.ofMinutes(50));
        String resolved = readable(slack.answer(slack.slash("incident resolve Orders are flowing again.", OPERATOR)));
        IncidentRecord closed = lifeboat.get(IncidentStore.class).find(draft).orElseThrow();
        String duration = dev.lifeboat.runbook.Durations.words(Duration.between(closed.openedAt().orElseThrow(),
                closed.resolvedAt().orElseThrow()));
        assertTrue(duration.startsWith("1 h "), "opened 62 minutes of the fake clock before: " + duration);
        assertTrue(java.util.regex.Pattern.compile("resolved after 1 h \\d+ min").matcher(resolved).find(), resolved);
        LoggedRequest last = slack.awaitMatching("/api/chat.update", r -> blocksOf(r).contains("Resolved after"), 1).get(0);
        assertTrue(java.util.regex.Pattern.compile("Resolved after 1 h \\d+ min").matcher(blocksOf(last)).find(), blocksOf(last));
        assertTrue(blocksOf(last).contains("resolved it: Orders are flowing again."), blocksOf(last));
        List<LoggedRequest> patches = wire.findAll(patchRequestedFor(urlEqualTo(PAGE_INCIDENT)));
        JsonNode resolution = TypedCommands.read(patches.get(patches.size() - 1).getBodyAsString()).path("incident");
        assertEquals("resolved", resolution.path("status").asText());
        assertEquals("operational", resolution.path("components").path("kz4m8p2x6c0v").asText());
        assertEquals(1, slack.posts("/api/chat.postMessage").size(), "one incident message in all");
        assertEquals(1, slack.posts(INCIDENTS).size(), "one status-page incident");
    }

    @Test
    void editOpensAModalWithTheTextAndTheSavedTextIsWhatIsPosted() throws Exception {
        int n = slack.slash("incident open an outage", OPERATOR);
        JsonNode preview = slack.answer(n);
        String[] edit = TypedCommands.typedButton(preview);
        slack.sendPayload(TypedCommands.click(edit[0], edit[1], OPERATOR, CHANNEL, slack.responseUrl(n), "8473651207.1.edit"));
        JsonNode view = TypedCommands.read(field(slack.awaitMatching("/api/views.open", r -> true, 1).get(0), "view"));
        assertTrue(view.toString().contains("due to an outage."), "the field holds the current text: " + view);

        HttpResponse<String> ack = slack.sendPayload(TypedCommands.submission(view, OPERATOR,
                "Checkout is down while we restore the database. Next update by 15:00 UTC."));
        assertEquals("", ack.body());
        JsonNode again = TypedCommands.read(slack.awaitMatching("/respond/" + n, r -> true, 2).get(1).getBodyAsString());
        assertTrue(readable(again).contains("Checkout is down while we restore the database."), readable(again));
        assertEquals(0, slack.posts("/api/chat.postMessage").size(), "editing posts nothing");

        slack.answer(click("incident post " + draftId(again), OPERATOR));
        LoggedRequest message = slack.awaitMatching("/api/chat.postMessage", r -> true, 1).get(0);
        assertTrue(blocksOf(message).contains("Checkout is down while we restore the database."), blocksOf(message));
        assertTrue(TypedCommands.read(slack.posts(INCIDENTS).get(0).getBodyAsString()).path("incident").path("body").asText()
                .startsWith("Checkout is down"));
    }

    @Test
    void aFailingStatusPageIsSaidInTheChannelAndALaterRetryBringsItInLine() throws Exception {
        wire.stubFor(post(urlEqualTo(INCIDENTS)).atPriority(1).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("statuspage/error-500.json"))));
        String draft = draftId(slack.answer(slack.slash("incident open checkout errors", OPERATOR)));
        String answer = readable(slack.answer(click("incident post " + draft, OPERATOR)));
        assertTrue(answer.contains("Status page: not updated: Statuspage failed while creating an incident"), answer);
        assertTrue(answer.contains("goes on in Slack"), answer);
        LoggedRequest message = slack.awaitMatching("/api/chat.postMessage", r -> true, 1).get(0);
        assertTrue(blocksOf(message).contains("The status page was not updated: Statuspage failed"), blocksOf(message));

        // Statuspage answers again: the leader's task creates the incident once and says so in the channel.
        stubs();
        leaderRuns();
        slack.awaitMatching(INCIDENTS, r -> true, 1);
        slack.awaitMatching("/api/chat.update", r -> blocksOf(r).contains("The status page caught up"), 1);
        leaderRuns();
        Thread.sleep(200);
        assertEquals(1, slack.posts(INCIDENTS).size(), "created once");
    }

    @Test
    void whileSlackFailsTheFallbackWebhookIsToldAndSlackGetsItOnceItAnswers() throws Exception {
        String draft = draftId(slack.answer(slack.slash("incident open the app is down", OPERATOR)));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).willReturn(aResponse().withStatus(500)));
        String answer = readable(slack.answer(click("incident post " + draft, OPERATOR)));
        assertTrue(answer.contains("Slack: not posted (Slack answered HTTP 500). Sent to the fallback webhook"), answer);
        LoggedRequest hook = slack.awaitMatching("/fallback/hook-secret-path", r -> true, 1).get(0);
        JsonNode note = TypedCommands.read(hook.getBodyAsString());
        assertTrue(note.path("text").asText().contains("Incident opened by @" + OPERATOR), note.toString());
        assertTrue(note.path("text").asText().contains("due to the app is down"), note.toString());
        assertEquals(draft, note.path("incident").asText());
        assertEquals(1, slack.posts(INCIDENTS).size(), "the status page is told all the same");

        leaderRuns();  // Slack still fails: the webhook is not told twice
        Thread.sleep(200);
        assertEquals(1, slack.posts("/fallback/hook-secret-path").size());

        stubs();
        leaderRuns();
        LoggedRequest message = slack.awaitMatching("/api/chat.postMessage", r -> true, 1).get(0);
        assertTrue(blocksOf(message).contains("due to the app is down"), blocksOf(message));
        leaderRuns();
        Thread.sleep(200);
        assertEquals(1, slack.posts("/api/chat.postMessage").size(), "delivered once");
        assertEquals(0, slack.posts("/fallback/hook-secret-path").size());
    }

    @Test
    void thirtyMinutesWithoutAnUpdateBringAReminderNamingWhoOpenedIt() throws Exception {
        String draft = draftId(slack.answer(slack.slash("incident open slow pages", OPERATOR)));
        slack.answer(click("incident post " + draft, OPERATOR));
        slack.awaitMatching("/api/chat.postMessage", r -> true, 1);

        clock.advance(Duration.ofMinutes(29));
        leaderRuns();
        Thread.sleep(200);
        assertEquals(1, slack.posts("/api/chat.postMessage").size(), "no reminder before 30 minutes");

        clock.advance(Duration.ofMinutes(2));
        leaderRuns();
        LoggedRequest reminder = slack.awaitMatching("/api/chat.postMessage", r -> blocksOf(r).contains(":alarm_clock:"), 1).get(0);
        assertTrue(Pattern.compile("No update on the incident “slow pages” \\(" + draft + "\\) for 3\\d min\\. <@"
                + OPERATOR + "> opened it at \\d\\d:\\d\\d UTC").matcher(blocksOf(reminder)).find(), blocksOf(reminder));
        leaderRuns();
        Thread.sleep(200);
        assertEquals(2, slack.posts("/api/chat.postMessage").size(), "one reminder per quiet spell");
    }

    // ---- Slack, as people use it ------------------------------------------------------------------------------

    /** The leader's tick with the fake clock: it runs the incident task (on the leader executor) once it is due. */
    static void leaderRuns() throws InterruptedException {
        clock.advance(Duration.ofSeconds(31));
        lifeboat.get(Leadership.class).tick();
        Thread.sleep(300);
    }

    /** A click on a button that runs {@code command}; returns the number of its response_url. */
    int click(String command, String user) throws Exception {
        int n = slack.nextPath();
        HttpResponse<String> ack = slack.send(SlackRequests.buttonClickBody(BlockKit.RUN_ACTION_PREFIX + "0",
                command, user, CHANNEL, slack.responseUrl(n)));
        assertEquals(200, ack.statusCode(), ack.body());
        return n;
    }

    static String draftId(JsonNode preview) {
        Matcher m = DRAFT.matcher(preview.toString());
        assertTrue(m.find(), "the preview's Post button names the draft: " + preview);
        return m.group(1);
    }

    /** The text and blocks of a chat.postMessage / chat.update, decoded. */
    static String blocksOf(LoggedRequest r) {
        String blocks = field(r, "blocks");
        return readable(TypedCommands.read("{\"text\":" + TypedCommands.JSON.valueToTree(String.valueOf(field(r, "text")))
                + ",\"blocks\":" + (blocks == null ? "[]" : blocks) + "}"));
    }
}
