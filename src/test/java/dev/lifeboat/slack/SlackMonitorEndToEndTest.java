package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.lifeboat.slack.SlackWire.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lifeboat.leader.LeaderTask;
import dev.lifeboat.s3.S3ProxyExtension;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.status.StatusTimings;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RawSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The monitor through the real wiring: the real server with its Slack adapter, WireMock for Slack and the APIs, and a
 * real local HTTP server for the app. Driving the monitor's task as the leader would (every check one status round)
 * while the app goes down and comes back posts exactly one down and one up message in the incident channel.
 */
@ExtendWith(S3ProxyExtension.class)
class SlackMonitorEndToEndTest {
    static RawSite app;
    static StatusWorld world;

    @BeforeAll
    static void start(S3ProxyServer s3) throws Exception {
        app = RawSite.start();
        world = StatusWorld.start(s3, new StatusTimings(Duration.ofSeconds(3), Duration.ZERO), env -> {
            env.put("APP_URL", app.uri("/app").toString());
            env.put("APP_HEALTH_PATH", "/up");
            env.put("LIFEBOAT_INCIDENT_CHANNEL", StatusWorld.CHANNEL);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
        app.close();
    }

    @Test
    void anAppThatGoesDownAndComesBackIsAnnouncedOnceEachWayInTheIncidentChannel() throws Exception {
        world.greenWorld();
        world.stub(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));
        LeaderTask task = world.lifeboat.get(com.google.inject.Injector.class)
                .getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<Set<LeaderTask>>() { }))
                .stream().filter(t -> t.name().equals("monitor")).findFirst().orElseThrow();
        assertEquals(Duration.ofSeconds(60), task.every(), "LIFEBOAT_MONITOR_INTERVAL_SECONDS' default");

        task.run();
        app.mode(RawSite.Mode.RESET);
        for (int i = 0; i < 5; i++) {
            task.run();
        }
        LoggedRequest down = awaitPosts(1).get(0);
        app.mode(RawSite.Mode.OK);
        task.run();
        task.run();
        task.run();
        List<LoggedRequest> posts = awaitPosts(2);
        Thread.sleep(500);

        assertEquals(2, world.wire.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).size(),
                "one down and one up message, nothing more");
        assertEquals(StatusWorld.CHANNEL, field(down, "channel"));
        assertEquals(":rotating_light: The app (acme-prod) is down", field(down, "text"));
        JsonNode blocks = StatusWorld.JSON.readTree(field(down, "blocks"));
        String first = blocks.path(0).path("text").path("text").asText();
        assertTrue(first.matches("(?s):rotating_light: \\*The app \\(acme-prod\\) is down\\* since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC:"
                + " 3 checks in a row failed\\.\nLast check: Health check " + app.uri("/app/up") + " → connection reset\n"
                + "\\*Likely ours:\\* the app does not answer while Heroku reports no Apps incident\\. Check the logs\\."), first);
        List<String> buttons = new ArrayList<>();
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("type").asText().equals("button")) {
                    buttons.add(element.path("text").path("text").asText() + " → " + element.path("value").asText());
                }
            }
        }
        assertEquals(List.of("Show logs → logs", "Roll back → rollback", "Open incident → incident open an outage of our app"),
                buttons, "the registered commands that fit");

        LoggedRequest up = posts.get(1);
        assertEquals(StatusWorld.CHANNEL, field(up, "channel"));
        assertTrue(field(up, "text").matches(":white_check_mark: The app \\(acme-prod\\) is back up after \\d+ s of downtime"),
                field(up, "text"));
    }

    private static List<LoggedRequest> awaitPosts(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> posts = world.wire.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")));
            if (posts.size() >= count) {
                return posts;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fewer than " + count + " chat.postMessage calls within 10 s");
    }
}
