package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.lifeboat.GracefulStop;
import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.JdbcAuditLog;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.store.Database;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the real server mid-command, the way SIGTERM does (one work thread, so a second command waits in the
 * queue). The real-process version, with the signal itself, is {@code ServeProcessIT}.
 */
class SlackShutdownEndToEndTest {
    static final String SECRET = "shutdown-signing-secret-0123456789abcdef";
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;
    WireMockServer wire;
    RunningLifeboat lifeboat;
    SlackRequests slack;
    final CountDownLatch running = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    /** Waits for the test, like a slow upstream, then answers. */
    final class SlowCommand implements CommandHandler {
        @Override
        public CommandSpec spec() {
            return CommandSpec.reads("slow", "", "waits for the test (test double)");
        }

        @Override
        public Reply handle(Invocation invocation) {
            running.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
                return Reply.text("Slow answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    void start(Duration workGrace) throws Exception {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlPathEqualTo("/respond/1")).willReturn(aResponse().withStatus(200)));
        wire.stubFor(post(urlPathEqualTo("/respond/2")).willReturn(aResponse().withStatus(200)));
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-0000-shutdown-token");
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", "http://127.0.0.1:" + wire.port() + "/api/");
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        ExecutorService oneThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        lifeboat = RunningLifeboat.start(env, List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Key.get(ExecutorService.class, Names.named("work"))).toInstance(oneThread);
                bind(GracefulStop.StopTimings.class).toInstance(new GracefulStop.StopTimings(workGrace, Duration.ofSeconds(3)));
            }
        }), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), CommandHandler.class).addBinding().toInstance(new SlowCommand());
            }
        });
        slack = new SlackRequests(lifeboat.uri(SlackServer.EVENTS_PATH), SECRET);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (lifeboat != null) {
            lifeboat.close();
        }
        if (wire != null) {
            wire.stop();
        }
    }

    HttpResponse<String> slash(String text, int responseUrl) throws Exception {
        return http.send(slack.signed(SlackRequests.slashCommandBody(text, "U0SOMEONE", "C0INCIDENT",
                "http://127.0.0.1:" + wire.port() + "/respond/" + responseUrl)), HttpResponse.BodyHandlers.ofString());
    }

    String awaitAnswer(int responseUrl) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> posts = wire.findAll(postRequestedFor(urlPathEqualTo("/respond/" + responseUrl)));
            if (!posts.isEmpty()) {
                return posts.get(0).getBodyAsString();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no answer at /respond/" + responseUrl);
    }

    Thread stopInBackground() {
        Thread stopper = new Thread(() -> lifeboat.close(), "test-stop");
        stopper.start();
        return stopper;
    }

    @Test
    void aCommandRunningWhenTheStopComesStillGetsItsAnswerAndTheDoorIsClosedMeanwhile() throws Exception {
        start(Duration.ofSeconds(20));
        assertEquals(200, slash("slow", 1).statusCode());
        assertTrue(running.await(10, TimeUnit.SECONDS));

        Thread stopper = stopInBackground();
        Thread.sleep(300);
        assertThrows(IOException.class, () -> slash("help", 2), "no new requests once stopping");
        release.countDown();
        stopper.join(20_000);

        assertFalse(stopper.isAlive());
        assertTrue(awaitAnswer(1).contains("Slow answer"));
        try (Database store = Database.open(Database.h2Url(dataDir), "sa", "", "the closed store");
             JdbcAuditLog audit = new JdbcAuditLog(store.dataSource(), new dev.lifeboat.health.HealthBoard(),
                     dev.lifeboat.audit.AuditTimings.DEFAULT)) {
            AuditEntry last = audit.recent(1).get(0);
            assertEquals("slow", last.commandText(), "the audit log was flushed before the store closed");
            assertEquals("ok", last.outcome());
        }
    }

    @Test
    void whenTheGraceRunsOutTheQueuedRequestIsToldLifeboatIsRestarting() throws Exception {
        start(Duration.ofMillis(500));
        slash("slow", 1);
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertEquals(200, slash("slow", 2).statusCode(), "acknowledged, then queued behind the first");

        Thread stopper = stopInBackground();
        stopper.join(20_000);

        String told = awaitAnswer(2);
        assertTrue(told.contains(":arrows_counterclockwise: Lifeboat is restarting and did not get to `/dr slow`. Nothing was"
                + " run; try again in a minute."), told);
        assertTrue(awaitAnswer(1).contains("Something went wrong running `slow`"), "the cut-off command says so too");
    }
}
