package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.Wiring;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.testing.Fixtures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Announcements in the serving wiring: a new message in the incident channel, a 429 waited out, a refusal told. */
class SlackAnnouncerTest {
    static final String CHANNEL = "C0INCIDENT";

    @TempDir
    Path dataDir;
    WireMockServer wire;
    Injector injector;

    @BeforeEach
    void slack() {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
    }

    @AfterEach
    void stop() {
        if (injector != null) {
            injector.getInstance(Lifecycle.class).close();
        }
        wire.stop();
    }

    Announcer announcer(boolean channel) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-0000-announce-token");
        env.put("SLACK_SIGNING_SECRET", "announce-signing-secret-0123456789");
        env.put("SLACK_API_URL", "http://127.0.0.1:" + wire.port() + "/api/");
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        if (channel) {
            env.put("LIFEBOAT_INCIDENT_CHANNEL", CHANNEL);
        }
        injector = Guice.createInjector(Wiring.serve(LifeboatConfig.load(Env.of(env)), Wiring.World.REAL).modules());
        return injector.getInstance(Announcer.class);
    }

    static final Reply WARNING = Reply.builder("Backups are not fresh")
            .section(":warning: *Backups are not fresh*: newest backup a012 is 2 d 1 h old.").build();

    List<Map<String, String>> posts() {
        return wire.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .map(SlackAnnouncerTest::form).toList();
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Test
    void anAnnouncementIsANewMessageInTheIncidentChannel() {
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));

        Announcer.Delivery delivery = announcer(true).announce(WARNING);

        assertEquals(new Announcer.Delivery(true, "<#" + CHANNEL + ">"), delivery);
        List<Map<String, String>> posts = posts();
        assertEquals(1, posts.size());
        assertEquals(CHANNEL, posts.get(0).get("channel"));
        assertEquals("Backups are not fresh", posts.get(0).get("text"));
        assertTrue(posts.get(0).get("blocks").contains("newest backup a012 is 2 d 1 h old"), posts.get(0).get("blocks"));
        assertFalse(posts.get(0).containsKey("thread_ts"));
    }

    @Test
    void aRateLimitIsWaitedOutAndTheAnnouncementPostedOnce() {
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));

        assertTrue(announcer(true).announce(WARNING).delivered());
        assertEquals(2, posts().size());
    }

    @Test
    void aRefusalIsToldAndNotRetried() {
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));

        assertEquals(new Announcer.Delivery(false, "Slack answered not_in_channel"), announcer(true).announce(WARNING));
        assertEquals(1, posts().size());
    }

    @Test
    void withoutAnIncidentChannelNothingIsPostedAndTheReasonIsTold() {
        assertEquals(new Announcer.Delivery(false, "LIFEBOAT_INCIDENT_CHANNEL is not set"), announcer(false).announce(WARNING));
        assertEquals(0, posts().size());
    }
}
