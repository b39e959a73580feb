package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A button that asks for a typed word, end to end over HTTP: signed requests to the real Jetty endpoint, WireMock as
 * Slack's Web API. The click opens a modal with its {@code trigger_id}; the submission runs the command, with the typed
 * word, as the person who submitted it.
 */
class SlackTypedConfirmationEndToEndTest {
    static final String SECRET = "typed-signing-secret-0123456789abcdef";
    static final String TOKEN = "xoxb-0000-typed-token";
    static final String OPERATOR = "U0OPERATOR";
    static final String STRANGER = "U0STRANGER";
    static final String CHANNEL = "C0INCIDENT";
    static final String TRIGGER = "8473651207.1395872398.e2e-click";

    static WireMockServer wire;
    static RunningLifeboat lifeboat;
    static SlackRequests slack;
    static final HttpClient http = HttpClient.newHttpClient();
    static final List<Invocation> rehearsals = new CopyOnWriteArrayList<>();
    static final AtomicInteger paths = new AtomicInteger();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", TOKEN);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", "http://127.0.0.1:" + wire.port() + "/api/");
        env.put("LIFEBOAT_OPERATORS", OPERATOR);
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        lifeboat = RunningLifeboat.start(env, TypedCommands.module(rehearsals));
        slack = new SlackRequests(lifeboat.uri("/slack/events"), SECRET);
    }

    @AfterAll
    static void stop() {
        lifeboat.close();
        wire.stop();
    }

    @BeforeEach
    void stubs() {
        wire.resetRequests();
        rehearsals.clear();
        wire.stubFor(post(urlEqualTo("/api/views.open")).willReturn(okJson(Fixtures.read("slack/views-open.json"))));
        wire.stubFor(post(urlPathEqualTo("/respond/" + paths.incrementAndGet())).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    String responseUrl() {
        return "http://127.0.0.1:" + wire.port() + "/respond/" + paths.get();
    }

    HttpResponse<String> sendPayload(JsonNode payload) throws Exception {
        return http.send(slack.signed(SlackWire.payloadBody(payload)), HttpResponse.BodyHandlers.ofString());
    }

    static List<LoggedRequest> await(String path, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> found = wire.findAll(postRequestedFor(urlPathEqualTo(path)));
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing POSTed to " + path + " within 10 s");
    }

    static String field(LoggedRequest form, String name) {
        for (String pair : form.getBodyAsString().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + form.getBodyAsString());
    }

    /** {@code /dr offer}, then a click on its typed button: returns the view Lifeboat asked Slack to open. */
    JsonNode clickTheTypedButton(String user) throws Exception {
        http.send(slack.signed(SlackRequests.slashCommandBody("offer", user, CHANNEL, responseUrl())), HttpResponse.BodyHandlers.ofString());
        JsonNode offered = TypedCommands.read(await("/respond/" + paths.get(), 1).get(0).getBodyAsString());
        String[] button = TypedCommands.typedButton(offered);
        wire.resetRequests();
        HttpResponse<String> ack = sendPayload(TypedCommands.click(button[0], button[1], user, CHANNEL, responseUrl(), TRIGGER));
        assertEquals(200, ack.statusCode(), ack.body());
        LoggedRequest open = await("/api/views.open", 1).get(0);
        assertEquals("Bearer " + TOKEN, open.getHeader("Authorization"));
        assertEquals(TRIGGER, field(open, "trigger_id"), "the modal opens with the click's trigger_id");
        return TypedCommands.read(field(open, "view"));
    }

    @Test
    void aClickOnATypedButtonOpensAModalThatAsksForTheWord() throws Exception {
        JsonNode view = clickTheTypedButton(OPERATOR);

        assertEquals("modal", view.path("type").asText());
        assertEquals(TypedConfirmation.CALLBACK_ID, view.path("callback_id").asText());
        assertEquals("Restore production", view.path("title").path("text").asText());
        assertEquals("Run", view.path("submit").path("text").asText());
        JsonNode input = view.path("blocks").get(1);
        assertEquals("input", input.path("type").asText());
        assertEquals(TypedConfirmation.BLOCK_ID, input.path("block_id").asText());
        assertEquals("plain_text_input", input.path("element").path("type").asText());
        assertEquals("Type acme-prod to confirm", input.path("label").path("text").asText());
        assertTrue(input.path("hint").path("text").asText().contains("acme-prod"), input.toString());
        JsonNode metadata = TypedCommands.read(view.path("private_metadata").asText());
        assertEquals(TypedCommands.COMMAND, metadata.path("command").asText());
        assertEquals(CHANNEL, metadata.path("channel").asText());
        assertEquals(responseUrl(), metadata.path("response_url").asText());
        assertEquals(List.of(), rehearsals, "a click alone runs nothing");
    }

    @Test
    void submittingTheModalRunsTheCommandWithTheTypedWordAsTheSubmitter() throws Exception {
        JsonNode view = clickTheTypedButton(OPERATOR);

        HttpResponse<String> ack = sendPayload(TypedCommands.submission(view, OPERATOR, " acme-prod "));

        assertEquals(200, ack.statusCode());
        assertEquals("", ack.body(), "an empty acknowledgement closes the modal");
        JsonNode answer = TypedCommands.read(await("/respond/" + paths.get(), 1).get(0).getBodyAsString());
        assertTrue(SlackEndToEndTest.allText(answer).contains("Rehearsed b012 acme-prod for <@U0OPERATOR>"), answer.toString());
        assertEquals(1, rehearsals.size());
        assertEquals(List.of("b012", "acme-prod"), rehearsals.get(0).args());
        assertEquals(OPERATOR, rehearsals.get(0).actor().id());
        assertEquals(CHANNEL, rehearsals.get(0).channel().orElseThrow());
    }

    @Test
    void aBlankFieldKeepsTheModalOpenWithAnErrorUnderIt() throws Exception {
        JsonNode view = clickTheTypedButton(OPERATOR);

        HttpResponse<String> blank = sendPayload(TypedCommands.submission(view, OPERATOR, "   "));
        HttpResponse<String> untouched = sendPayload(TypedCommands.submission(view, OPERATOR, null));

        for (HttpResponse<String> ack : List.of(blank, untouched)) {
            assertEquals(200, ack.statusCode());
            JsonNode body = TypedCommands.read(ack.body());
            assertEquals("errors", body.path("response_action").asText(), ack.body());
            assertEquals("Type acme-prod to confirm, or press Cancel.", body.path("errors").path(TypedConfirmation.BLOCK_ID).asText());
        }
        Thread.sleep(300);
        assertEquals(List.of(), rehearsals);
        assertEquals(List.of(), wire.findAll(postRequestedFor(urlPathEqualTo("/respond/" + paths.get()))));
    }

    @Test
    void theCommandRunsAsWhoeverSubmitsSoAStrangerMeetsTheOperatorCheck() throws Exception {
        JsonNode view = clickTheTypedButton(OPERATOR);

        sendPayload(TypedCommands.submission(view, STRANGER, "acme-prod"));

        JsonNode answer = TypedCommands.read(await("/respond/" + paths.get(), 1).get(0).getBodyAsString());
        assertTrue(SlackEndToEndTest.allText(answer).contains(":no_entry: `rehearse` changes things, so only operators may run it"),
                answer.toString());
        assertEquals(List.of(), rehearsals);
    }

    @Test
    void aModalThatCouldNotOpenIsToldToThePersonWhoClicked() throws Exception {
        wire.stubFor(post(urlEqualTo("/api/views.open")).willReturn(okJson("{\"ok\":false,\"error\":\"expired_trigger_id\"}")));
        http.send(slack.signed(SlackRequests.slashCommandBody("offer", OPERATOR, CHANNEL, responseUrl())), HttpResponse.BodyHandlers.ofString());
        String[] button = TypedCommands.typedButton(TypedCommands.read(await("/respond/" + paths.get(), 1).get(0).getBodyAsString()));
        wire.resetRequests();

        ObjectNode click = TypedCommands.click(button[0], button[1], OPERATOR, CHANNEL, responseUrl(), TRIGGER);
        assertEquals(200, sendPayload(click).statusCode());

        JsonNode answer = TypedCommands.read(await("/respond/" + paths.get(), 1).get(0).getBodyAsString());
        assertTrue(SlackEndToEndTest.allText(answer).contains("The confirmation dialog did not open (Slack's 3 seconds to open it ran out)."
                + " Nothing was run; click the button again."), answer.toString());
        assertEquals(List.of(), rehearsals);
    }
}
