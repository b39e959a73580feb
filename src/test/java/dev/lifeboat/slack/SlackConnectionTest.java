package dev.lifeboat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.health.HealthBoard;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The start-up loop, with Slack's answers scripted and the waits recorded instead of slept. */
class SlackConnectionTest {
    final HealthBoard health = new HealthBoard();
    final List<Duration> slept = new ArrayList<>();
    final List<String> healthSeenWhileWaiting = new ArrayList<>();
    final AtomicInteger opened = new AtomicInteger();

    SlackConnection connection(SlackCheck.Result... answers) {
        Deque<SlackCheck.Result> script = new ArrayDeque<>(List.of(answers));
        return new SlackConnection(() -> script.size() > 1 ? script.pop() : script.peek(), health, ConnectBackoff.DEFAULT, duration -> {
            healthSeenWhileWaiting.add(health.ready() + " " + health.problems().get(SlackConnection.COMPONENT).reason());
            slept.add(duration);
        });
    }

    @Test
    void slackUnreachableAtStartIsRetriedWithGrowingWaitsUntilItAnswersAndThenLifeboatIsReady() throws Exception {
        SlackConnection connection = connection(
                new SlackCheck.Unknown("cannot reach Slack at https://slack.com/api/ for auth.test: ConnectException"),
                new SlackCheck.Unknown("Slack answered auth.test with HTTP 503"),
                new SlackCheck.Accepted("acme", "lifeboat"));

        connection.connect(opened::incrementAndGet);

        assertEquals(new SlackCheck.Accepted("acme", "lifeboat"), connection.outcome().get(1, TimeUnit.SECONDS));
        assertTrue(connection.ready());
        assertTrue(health.ready());
        assertTrue(health.problems().isEmpty(), "the problem is cleared");
        assertEquals(1, opened.get(), "Bolt is started once, after the token was accepted");
        assertEquals(2, slept.size());
        assertBetween(Duration.ofMillis(800), Duration.ofMillis(1200), slept.get(0));
        assertBetween(Duration.ofMillis(1600), Duration.ofMillis(2400), slept.get(1));
        assertTrue(healthSeenWhileWaiting.get(0).matches("false cannot reach Slack at https://slack\\.com/api/ for auth\\.test:"
                + " ConnectException; retrying in [01]\\.\\d s \\(attempt 1\\)"), healthSeenWhileWaiting.get(0));
        assertTrue(healthSeenWhileWaiting.get(1).matches("false Slack answered auth\\.test with HTTP 503; retrying in [12]\\.\\d s"
                + " \\(attempt 2\\)"), healthSeenWhileWaiting.get(1));
    }

    @Test
    void aRefusedTokenEndsTheAttemptsWithoutStartingAndHealthSaysWhy() throws Exception {
        SlackConnection connection = connection(
                new SlackCheck.Unknown("Slack answered auth.test with HTTP 500"),
                new SlackCheck.Refused("Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth). Check the token."));

        connection.connect(opened::incrementAndGet);

        assertEquals(new SlackCheck.Refused("Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth). Check the token."),
                connection.outcome().get(1, TimeUnit.SECONDS));
        assertFalse(connection.ready());
        assertEquals(0, opened.get());
        assertEquals(1, slept.size(), "no retry after a definite refusal");
        assertFalse(health.ready());
        assertEquals("Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth). Check the token.",
                health.problems().get(SlackConnection.COMPONENT).reason());
    }

    @Test
    void aConnectionThatFailsToOpenAfterTheTokenWasAcceptedIsRetried() throws Exception {
        SlackConnection connection = connection(new SlackCheck.Accepted("acme", "lifeboat"));

        connection.connect(() -> {
            if (opened.incrementAndGet() == 1) {
                throw new java.io.IOException("the Socket Mode handshake was reset");
            }
        });

        assertTrue(connection.ready());
        assertEquals(2, opened.get());
        assertTrue(healthSeenWhileWaiting.get(0).contains("Slack accepted the token but the connection could not be opened:"
                + " IOException: the Socket Mode handshake was reset; retrying in "), healthSeenWhileWaiting.get(0));
    }

    @Test
    void untilTheFirstAnswerHealthSaysLifeboatIsCheckingTheToken() throws Exception {
        SlackConnection connection = new SlackConnection(() -> {
            healthSeenWhileWaiting.add(health.ready() + " " + health.problems().get(SlackConnection.COMPONENT).reason());
            return new SlackCheck.Accepted("acme", "lifeboat");
        }, health, ConnectBackoff.DEFAULT, d -> Thread.sleep(d.toMillis()));

        connection.start(opened::incrementAndGet);
        connection.outcome().get(5, TimeUnit.SECONDS);

        assertEquals(List.of("false checking the Slack token (auth.test)"), healthSeenWhileWaiting);
        assertTrue(health.ready());
    }

    @Test
    void stoppingEndsTheWaitAndCancelsTheOutcome() throws Exception {
        SlackConnection connection = new SlackConnection(() -> new SlackCheck.Unknown("Slack answered auth.test with HTTP 503"),
                health, new ConnectBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0), d -> Thread.sleep(d.toMillis()));
        connection.start(opened::incrementAndGet);

        connection.stop();

        assertTrue(waitUntil(() -> connection.outcome().isCancelled()), "the outcome is cancelled");
        assertEquals(0, opened.get());
    }

    static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    static void assertBetween(Duration low, Duration high, Duration actual) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0, actual + " not within " + low + ".." + high);
    }
}
