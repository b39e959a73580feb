package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.slack.api.app_backend.SlackSignature;
import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.status.StatusTimings;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed requests, built exactly as Slack builds them, sent to the real Jetty endpoint; WireMock plays Slack's Web API. */
class SlackEndToEndTest {
    static final String SECRET = "e2e-signing-secret-0123456789abcdef";
    static final String OPERATOR = "U0OPERATOR";
    static final String GROUP_MEMBER = "U0ONCALL1";
    static final String STRANGER = "U0STRANGER";
    static final String CHANNEL = "C0INCIDENT";

    static WireMockServer wire;
    static RunningLifeboat lifeboat;
    static SlackRequests slack;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static final AtomicInteger restarts = new AtomicInteger();
    static final AtomicInteger responseUrls = new AtomicInteger();

    @TempDir
    static Path dataDir;

    /** A changing command that only counts its runs, so the operator check can be observed from outside. */
    static final class CountingRestartCommand implements CommandHandler {
        @Override
        public CommandSpec spec() {
            return CommandSpec.changes("recycle", "[TYPE]", "recycle dynos (test double)");
        }

        @Override
        public Reply handle(Invocation invocation) {
            restarts.incrementAndGet();
            return Reply.text("Restarted " + invocation.rest());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        String base = "http://127.0.0.1:" + wire.port();
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-0000-e2e-token");
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", base + "/api/");
        env.put("LIFEBOAT_OPERATORS", OPERATOR + ",S0ONCALL");
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        env.put("HEROKU_STATUS_URL", base + "/heroku-status");
        env.put("NETLIFY_STATUS_URL", base + "/netlify-status");
        env.put("APP_URL", base + "/app");
        env.put("APP_HEALTH_PATH", "/up");
        env.put("SITE_URL", base + "/site/");
        // Status rounds are never shared here (the production window is 10 s), so each status test sees its own stubs.
        lifeboat = RunningLifeboat.start(env, List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(StatusTimings.class).toInstance(new StatusTimings(Duration.ofSeconds(2), Duration.ZERO));
            }
        }), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().toInstance(new CountingRestartCommand());
            }
        });
        slack = new SlackRequests(lifeboat.uri("/slack/events"), SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        lifeboat.close();
        wire.stop();
    }

    @BeforeEach
    void stubs() {
        wire.resetAll();
        restarts.set(0);
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlEqualTo("/api/usergroups.users.list"))
                .willReturn(okJson(Fixtures.read("slack/usergroups-users-list.json"))));
        wire.stubFor(post(urlPathEqualTo("/respond/" + responseUrls.incrementAndGet())).willReturn(aResponse().withStatus(200).withBody("ok")));
        wire.stubFor(get(urlEqualTo("/heroku-status/api/v4/current-status"))
                .willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json"))));
        wire.stubFor(get(urlEqualTo("/netlify-status/api/v2/summary.json"))
                .willReturn(okJson(Fixtures.read("platformstatus/netlify-summary-operational.json"))));
        wire.stubFor(get(urlEqualTo("/app/up")).willReturn(aResponse().withStatus(200).withBody("OK")));
        wire.stubFor(get(urlEqualTo("/site/")).willReturn(aResponse().withStatus(200).withBody("<html></html>")));
    }

    String responseUrl() {
        return "http://127.0.0.1:" + wire.port() + "/respond/" + responseUrls.get();
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> slash(String text, String user) throws Exception {
        return send(slack.signed(SlackRequests.slashCommandBody(text, user, CHANNEL, responseUrl())));
    }

    /** Waits for Lifeboat's answer through the response URL and returns its JSON. */
    JsonNode awaitResponse() throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> posts = wire.findAll(postRequestedFor(urlPathEqualTo("/respond/" + responseUrls.get())));
            if (!posts.isEmpty()) {
                assertEquals(1, posts.size(), "one answer per command");
                return json.readTree(posts.get(0).getBodyAsString());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no answer through response_url within 10 s");
    }

    static String allText(JsonNode message) {
        StringBuilder text = new StringBuilder(message.path("text").asText()).append('\n');
        for (JsonNode block : message.path("blocks")) {
            text.append(block.path("text").path("text").asText()).append('\n');
            for (JsonNode element : block.path("elements")) {
                text.append(element.path("text").isTextual() ? element.path("text").asText() : element.path("text").path("text").asText()).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void helpIsAnsweredInTheAcknowledgementWithEveryCommandAndWhoMayRunIt() throws Exception {
        HttpResponse<String> response = slash("help", STRANGER);

        assertEquals(200, response.statusCode());
        JsonNode body = json.readTree(response.body());
        assertEquals("ephemeral", body.path("response_type").asText());
        String text = allText(body);
        assertTrue(text.contains("`/dr status`"), text);
        assertTrue(text.contains("`/dr history [N|RUN]`"), text);
        assertTrue(text.contains("*Operators only* (these change things):\n`/dr approve RUN`"), text);
        assertTrue(text.contains("\n`/dr recycle [TYPE]`"), text);
        assertTrue(text.contains("\n`/dr restore [BACKUP] [to staging|production]`"), text);
        assertTrue(text.contains("Operators: <@U0OPERATOR>, <!subteam^S0ONCALL>."), text);
    }

    @Test
    void statusAcknowledgesAtOnceThenAnswersThroughTheResponseUrl() throws Exception {
        HttpResponse<String> ack = slash("status", STRANGER);

        assertEquals(200, ack.statusCode());
        assertTrue(ack.body().isEmpty() || !ack.body().contains("All clear"), "the report is not in the ack");
        JsonNode answer = awaitResponse();
        String text = allText(answer);
        assertEquals("ephemeral", answer.path("response_type").asText());
        assertTrue(text.contains(":white_check_mark: *All clear*\n"), text);
        assertTrue(text.contains(":large_green_circle: *App* — ok\n"), text);
        assertTrue(text.contains("/app/up> → 200 in "), text);
        assertTrue(text.contains(":large_green_circle: *Platforms* — ok\n*Heroku*: Apps green, Data green, Tools green\n"
                + "*Netlify*: All Systems Operational"), text);
        assertTrue(text.contains("Share in channel"), text);
    }

    @Test
    void statusShowsADownAppAndAPlatformIncidentWithItsLink() throws Exception {
        wire.stubFor(get(urlEqualTo("/app/up")).willReturn(aResponse().withStatus(503).withHeader("X-Heroku-Error", "H12")));
        wire.stubFor(get(urlEqualTo("/heroku-status/api/v4/current-status"))
                .willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-incident.json"))));

        slash("status", STRANGER);
        String text = allText(awaitResponse());

        assertTrue(text.contains(":rotating_light: *Down*\n*Likely the platform:* the app does not answer and Heroku "
                + "reports an incident (Elevated H12 request timeouts in the Common Runtime)."), text);
        assertTrue(text.contains(":red_circle: *App* — down\n"), text);
        assertTrue(text.contains("→ 503 in "), text);
        assertTrue(text.contains("Heroku router H12"), text);
        assertTrue(text.contains(":red_circle: *Platforms* — down\n*Heroku*: Apps red, Data green, Tools yellow\n"
                + "• <https://status.heroku.com/incidents/2817|Elevated H12 request timeouts in the Common Runtime> _(issue)_"), text);
    }

    @Test
    void unknownSubcommandGetsUsageAndTheCommandList() throws Exception {
        HttpResponse<String> response = slash("restor latest", STRANGER);

        String text = allText(json.readTree(response.body()));
        assertTrue(text.contains("I don't know `restor`. Usage: `/dr COMMAND [ARGS]`."), text);
        assertTrue(text.contains("`status`"), text);
        assertTrue(text.contains("`/dr help` lists every command"), text);
    }

    @Test
    void badArgumentsGetTheSpecificProblemAndTheUsageLine() throws Exception {
        slash("history lots", STRANGER);

        String text = allText(awaitResponse());
        assertTrue(text.contains("`lots` is not a number of entries, nor a run id (like `r-7k2m9q`).\nUsage: `/dr history [N|RUN]`"), text);
    }

    @Test
    void historyIsAnsweredThroughTheResponseUrlAndShowsOthersCommandsToOperatorsOnly() throws Exception {
        slash("recycle worker-h1", OPERATOR);
        assertTrue(allText(awaitResponse()).contains("Restarted worker-h1"));
        nextResponseUrl();
        slash("help", STRANGER);

        nextResponseUrl();
        HttpResponse<String> ack = slash("history", STRANGER);
        assertEquals(200, ack.statusCode());
        assertFalse(ack.body().contains("Your last"), "the answer is not in the ack: " + ack.body());
        String mine = allText(awaitResponse());
        assertTrue(mine.contains("Your last "), mine);
        assertTrue(mine.contains("<@" + STRANGER + "> `help` → ok"), mine);
        assertFalse(mine.contains("worker-h1"), "an operator's command is not shown to others: " + mine);
        assertTrue(mine.contains("Only operators see everyone's commands; these are yours."), mine);

        nextResponseUrl();
        slash("history", OPERATOR);
        String everyone = allText(awaitResponse());
        assertTrue(everyone.contains("<@" + OPERATOR + "> `recycle worker-h1` → ok"), everyone);
        assertTrue(everyone.contains("<@" + STRANGER + "> `help` → ok"), everyone);
    }

    void nextResponseUrl() {
        wire.stubFor(post(urlPathEqualTo("/respond/" + responseUrls.incrementAndGet())).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void aChangingCommandFromANonOperatorIsDeniedNamingWhoMayRunItAndAudited() throws Exception {
        HttpResponse<String> ack = slash("recycle web", STRANGER);

        assertEquals(200, ack.statusCode());
        String text = allText(awaitResponse());
        assertTrue(text.contains(":no_entry: `recycle` changes things, so only operators may run it: <@U0OPERATOR>, <!subteam^S0ONCALL>."), text);
        assertEquals(0, restarts.get(), "the handler must not run");
        AuditEntry last = lifeboat.get(AuditLog.class).recent(1).get(0);
        assertEquals(STRANGER, last.actorId());
        assertEquals("denied", last.outcome());
        assertEquals("recycle web", last.commandText());
        assertEquals("slack", last.surface());
        assertEquals(CHANNEL, last.channel().orElseThrow());
    }

    @Test
    void operatorsNamedDirectlyOrThroughTheirUserGroupMayRunChangingCommands() throws Exception {
        slash("recycle web", OPERATOR);
        assertTrue(allText(awaitResponse()).contains("Restarted web"));

        responseUrls.incrementAndGet();
        wire.stubFor(post(urlPathEqualTo("/respond/" + responseUrls.get())).willReturn(aResponse().withStatus(200)));
        slash("recycle worker", GROUP_MEMBER);
        assertTrue(allText(awaitResponse()).contains("Restarted worker"));

        assertEquals(2, restarts.get());
        List<LoggedRequest> lookups = wire.findAll(postRequestedFor(urlEqualTo("/api/usergroups.users.list")));
        assertFalse(lookups.isEmpty(), "group membership is asked of Slack");
        assertTrue(lookups.get(0).getBodyAsString().contains("usergroup=S0ONCALL"), lookups.get(0).getBodyAsString());
    }

    @Test
    void buttonClicksRunTheirCommandAsTheClickingUser() throws Exception {
        String body = SlackRequests.buttonClickBody(BlockKit.RUN_ACTION_PREFIX + "0", "recycle web", STRANGER, CHANNEL, responseUrl());
        HttpResponse<String> ack = send(slack.signed(body));

        assertEquals(200, ack.statusCode());
        assertTrue(allText(awaitResponse()).contains(":no_entry: `recycle` changes things"));
        assertEquals(0, restarts.get());
    }

    @Test
    void aBadSignatureIsRejectedAndNothingRuns() throws Exception {
        int before = lifeboat.get(AuditLog.class).recent(100).size();
        String body = SlackRequests.slashCommandBody("recycle web", OPERATOR, CHANNEL, responseUrl());
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        HttpResponse<String> response = send(slack.signed(body, timestamp, SlackRequests.sign("wrong-secret", timestamp, body)));

        assertEquals(401, response.statusCode());
        assertNothingRan(before);
    }

    @Test
    void missingSignatureHeadersAreRejectedAndNothingRuns() throws Exception {
        int before = lifeboat.get(AuditLog.class).recent(100).size();

        HttpResponse<String> response = send(slack.unsigned(SlackRequests.slashCommandBody("recycle web", OPERATOR, CHANNEL, responseUrl())));

        assertEquals(401, response.statusCode());
        assertNothingRan(before);
    }

    @Test
    void aTimestampOlderThanFiveMinutesIsRejectedEvenWhenCorrectlySigned() throws Exception {
        int before = lifeboat.get(AuditLog.class).recent(100).size();
        String body = SlackRequests.slashCommandBody("recycle web", OPERATOR, CHANNEL, responseUrl());
        String old = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());

        HttpResponse<String> response = send(slack.signed(body, old, SlackRequests.sign(SECRET, old, body)));

        assertEquals(401, response.statusCode());
        assertNothingRan(before);
    }

    @Test
    void aTamperedBodyIsRejected() throws Exception {
        int before = lifeboat.get(AuditLog.class).recent(100).size();
        String body = SlackRequests.slashCommandBody("help", STRANGER, CHANNEL, responseUrl());
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = SlackRequests.sign(SECRET, timestamp, body);

        HttpResponse<String> response = send(slack.signed(body.replace("help", "recycle"), timestamp, signature));

        assertEquals(401, response.statusCode());
        assertNothingRan(before);
    }

    @Test
    void slacksOfficialSigningTestVectorPasses() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        String secret = "8f742231b10e8888abcd99yyyzzz85a5";
        String expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

        assertEquals(expected, SlackRequests.sign(secret, "1531420618", body));
        SlackSignature.Verifier bolt = new SlackSignature.Verifier(new SlackSignature.Generator(secret));
        assertTrue(bolt.isValid("1531420618", body, expected, 1531420618_000L));
        assertFalse(bolt.isValid("1531420618", body + "&x=1", expected, 1531420618_000L));
    }

    @Test
    void healthzAnswersWithoutASignature() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(lifeboat.uri("/healthz")).GET().build());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"status\":\"ok\",\"mode\":\"http\",\"parts\":{\"slack\":{\"state\":\"ok\"}"),
                response.body());
    }

    private void assertNothingRan(int auditBefore) throws InterruptedException {
        Thread.sleep(200);
        assertEquals(auditBefore, lifeboat.get(AuditLog.class).recent(100).size(), "no command was run or audited");
        assertEquals(0, restarts.get());
        assertTrue(wire.findAll(postRequestedFor(urlPathEqualTo("/respond/" + responseUrls.get()))).isEmpty());
    }
}
