package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.lifeboat.runbook.RetryBackoff;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Slack side of an end-to-end test over HTTP: WireMock playing Slack's Web API and the response_urls (and, on the
 * same server, whatever else the test stubs), and requests signed as Slack signs them, sent to a running Lifeboat.
 * Each response_url gets its own number, so a test reads the answers to one request.
 */
final class SlackWire {
    final WireMockServer wire;
    private final String channel;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger paths = new AtomicInteger();
    private SlackRequests requests;
    private Function<String, String> whenLate = path -> "";

    /** Starts WireMock answering {@code auth.test}, as Lifeboat's start needs; {@code channel} is where requests come from. */
    SlackWire(String channel) {
        this.channel = channel;
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        stubAuthTest();
    }

    String base() {
        return "http://127.0.0.1:" + wire.port();
    }

    /**
     * Lifeboat's environment for Slack: the bot token, the signing secret, Slack's API at WireMock, the operators,
     * the data directory and the incident channel. The test adds the rest.
     */
    Map<String, String> env(String token, String secret, String operators, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", token);
        env.put("SLACK_SIGNING_SECRET", secret);
        env.put("SLACK_API_URL", base() + "/api/");
        env.put("LIFEBOAT_OPERATORS", operators);
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        env.put("LIFEBOAT_INCIDENT_CHANNEL", channel);
        return env;
    }

    /** Heroku ({@code app}: Platform API, data API, status page) and the app ({@code /up}), all at WireMock. */
    void putHeroku(Map<String, String> env, String app) {
        env.put("HEROKU_API_KEY", "heroku-e2e-api-key-0000");
        env.put("HEROKU_APP", app);
        env.put("HEROKU_API_URL", base() + "/heroku-api");
        env.put("HEROKU_DATA_API_URL", base() + "/heroku-data");
        env.put("HEROKU_STATUS_URL", base() + "/heroku-status");
        env.put("APP_URL", base() + "/app");
        env.put("APP_HEALTH_PATH", "/up");
    }

    /** Every wait of a run (polls, probes, retries) takes at most 20 ms. */
    static Module fastWaits() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Waiter.class).toInstance(d -> Thread.sleep(Math.min(20, Math.max(0, d.toMillis()))));
                bind(RetryBackoff.class).toInstance(new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(20), 3));
            }
        };
    }

    /** From now on, requests are signed with {@code secret} and sent to {@code lifeboat}'s Slack endpoint. */
    void sendTo(RunningLifeboat lifeboat, String secret) {
        requests = new SlackRequests(lifeboat.uri("/slack/events"), secret);
    }

    /** What a wait that runs out adds to its message, given the path it waited on (e.g. the calls upstream). */
    void whenLate(Function<String, String> explain) {
        this.whenLate = explain;
    }

    /** Closes {@code lifeboat} (if it started), then WireMock. */
    void stop(RunningLifeboat lifeboat) {
        if (lifeboat != null) {
            lifeboat.close();
        }
        wire.stop();
    }

    // ---- Slack's side ---------------------------------------------------------------------------------------------

    void stubAuthTest() {
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
    }

    /**
     * Forgets every stub and request, then plays Slack again: {@code auth.test}, the response_urls,
     * {@code chat.postMessage} and {@code chat.update}.
     */
    void reset() {
        wire.resetAll();
        stubAuthTest();
        wire.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(Fixtures.read("slack/chat-update.json"))));
    }

    /** A {@code chat.postMessage} into a thread is answered as a thread reply. */
    void stubThreadReplies() {
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).withRequestBody(containing("thread_ts="))
                .willReturn(okJson(Fixtures.read("slack/chat-postMessage-thread.json"))));
    }

    void stubViewsOpen() {
        wire.stubFor(post(urlEqualTo("/api/views.open")).willReturn(okJson(Fixtures.read("slack/views-open.json"))));
    }

    // ---- Slack, as people use it ----------------------------------------------------------------------------------

    /** The number of a new response_url. */
    int nextPath() {
        return paths.incrementAndGet();
    }

    String responseUrl(int n) {
        return base() + "/respond/" + n;
    }

    HttpRequest signed(String body) {
        return requests.signed(body);
    }

    /** A signed {@code /dr TEXT} from {@code user}; returns the number of its response_url. */
    int slash(String text, String user) throws Exception {
        int n = nextPath();
        HttpResponse<String> ack = send(SlackRequests.slashCommandBody(text, user, channel, responseUrl(n)));
        assertEquals(200, ack.statusCode(), ack.body());
        return n;
    }

    /** A signed form body, as Slack sends it. */
    HttpResponse<String> send(String body) throws Exception {
        return http.send(requests.signed(body), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> sendAsync(String body) {
        return http.sendAsync(requests.signed(body), HttpResponse.BodyHandlers.ofString());
    }

    /** An interaction payload (a click, a modal's submission), as Slack sends it. */
    HttpResponse<String> sendPayload(JsonNode payload) throws Exception {
        return send(payloadBody(payload));
    }

    CompletableFuture<HttpResponse<String>> sendPayloadAsync(JsonNode payload) {
        return sendAsync(payloadBody(payload));
    }

    static String payloadBody(JsonNode payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    // ---- what Lifeboat said -----------------------------------------------------------------------------------

    List<LoggedRequest> posts(String path) {
        return wire.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    /** Waits (at most 15 s) until {@code count} POSTs reached {@code path}. */
    List<LoggedRequest> await(String path, int count) throws InterruptedException {
        return awaitMatching(path, r -> true, count);
    }

    /** Waits (at most 15 s) until {@code count} POSTs to {@code path} match {@code which}; returns those. */
    List<LoggedRequest> awaitMatching(String path, Predicate<LoggedRequest> which, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            List<LoggedRequest> found = posts(path).stream().filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + count + " POSTs to " + path + " within 15 s; had " + found.size()
                        + "\n" + whenLate.apply(path));
            }
            Thread.sleep(20);
        }
    }

    /** The first answer to response_url {@code n}. */
    JsonNode answer(int n) throws InterruptedException {
        return TypedCommands.read(await("/respond/" + n, 1).get(0).getBodyAsString());
    }

    /** The first {@code count} answers (at least) to response_url {@code n}, as a person reads them. */
    List<String> answers(int n, int count) throws InterruptedException {
        return await("/respond/" + n, count).stream().map(r -> readable(TypedCommands.read(r.getBodyAsString()))).toList();
    }

    // ---- reading Slack's forms and messages ---------------------------------------------------------------

    /** A field of a form POSTed to Slack, decoded; null if it has none. */
    static String field(LoggedRequest form, String name) {
        for (String pair : form.getBodyAsString().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Everything a person reads in a message: its text, every block's text, fields and buttons. */
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

    /** The labels of a message's buttons, in order. */
    static List<String> buttonLabels(JsonNode message) {
        List<String> out = new ArrayList<>();
        for (JsonNode block : message.path("blocks")) {
            if (block.path("type").asText().equals("actions")) {
                for (JsonNode element : block.path("elements")) {
                    out.add(element.path("text").path("text").asText());
                }
            }
        }
        return out;
    }

    /** What a person reads in a {@code chat.postMessage} or {@code chat.update}: its text, then its blocks. */
    static String textOf(LoggedRequest form) {
        StringBuilder out = new StringBuilder();
        String text = field(form, "text");
        if (text != null) {
            out.append(text).append('\n');
        }
        String blocks = field(form, "blocks");
        if (blocks != null) {
            out.append(readable(TypedCommands.JSON.createObjectNode().set("blocks", TypedCommands.read("{\"b\":" + blocks + "}").path("b"))));
        }
        return out.toString();
    }

    /** Where {@code call} is in {@code calls}, at {@code from} or after; fails if it is not. */
    static int indexOf(List<String> calls, String call, int from) {
        for (int i = from; i < calls.size(); i++) {
            if (calls.get(i).equals(call)) {
                return i;
            }
        }
        throw new AssertionError("no `" + call + "` after call " + from + " in\n" + String.join("\n", calls));
    }
}
