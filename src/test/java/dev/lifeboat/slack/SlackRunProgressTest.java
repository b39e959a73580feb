package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.Wiring;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.TestRunbook;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs driven through the real {@link RunEngine}, its store (H2) and the real Slack wiring; WireMock plays Slack's Web API. What a
 * person in the incident channel would see: one message, edited in place until its final state, and thread replies
 * for the start, each failure and the end.
 */
class SlackRunProgressTest {
    static final String CHANNEL = "C0INCIDENT";
    static final String OPERATOR = "U0OPERATOR";
    static final String MAIN_TS = "1700000000.000100";
    static final String TITLE = "Restore b012 into acme-prod (production)";

    @TempDir
    Path dataDir;
    WireMockServer wire;
    RunStore store;
    Injector injector;
    RunEngine engine;

    @BeforeEach
    void slack() {
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).withRequestBody(containing("thread_ts="))
                .willReturn(okJson(Fixtures.read("slack/chat-postMessage-thread.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(Fixtures.read("slack/chat-update.json"))));
    }

    @AfterEach
    void stop() {
        if (injector != null) {
            injector.getInstance(Lifecycle.class).close();
        }
        wire.stop();
    }

    /** The serving wiring (the runbook engine, its store on H2) with the test runbook. */
    void start(boolean incidentChannel) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-0000-progress-token");
        env.put("SLACK_SIGNING_SECRET", "progress-signing-secret-0123456789");
        env.put("SLACK_API_URL", "http://127.0.0.1:" + wire.port() + "/api/");
        env.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        if (incidentChannel) {
            env.put("LIFEBOAT_INCIDENT_CHANNEL", CHANNEL);
        }
        LifeboatConfig config = LifeboatConfig.load(Env.of(env));
        List<com.google.inject.Module> modules = new ArrayList<>(Wiring.serve(config, Wiring.World.REAL).modules());
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), Runbook.class).addBinding().toInstance(new TestRunbook());
            }
        });
        injector = Guice.createInjector(modules);
        engine = injector.getInstance(RunEngine.class);
        store = injector.getInstance(RunStore.class);
    }

    Run startRun(Map<String, String> params) {
        Run run = engine.propose(TestRunbook.NAME, TITLE, "postgres:acme-prod", RunParams.of(params), OPERATOR);
        engine.confirm(run.id(), OPERATOR);
        return run;
    }

    /** One Web API call as Slack received it: its form fields and when it came. */
    record Call(Map<String, String> form, Instant at) {
        String get(String field) {
            return form.getOrDefault(field, "");
        }

        boolean threaded() {
            return form.containsKey("thread_ts");
        }
    }

    List<Call> calls(String method) {
        List<Call> calls = new ArrayList<>();
        for (LoggedRequest request : wire.findAll(postRequestedFor(urlEqualTo("/api/" + method)))) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : request.getBodyAsString().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            calls.add(new Call(form, request.getLoggedDate().toInstant()));
        }
        calls.sort(Comparator.comparing(Call::at));
        return calls;
    }

    List<Call> messages() {
        return calls("chat.postMessage").stream().filter(c -> !c.threaded()).toList();
    }

    List<Call> updates() {
        return calls("chat.update");
    }

    List<String> threadReplies() {
        return calls("chat.postMessage").stream().filter(Call::threaded).map(c -> c.get("text")).toList();
    }

    /** What the channel shows now: the last edit, or the message as posted. */
    String shown() {
        List<Call> updates = updates();
        if (!updates.isEmpty()) {
            return texts(updates.get(updates.size() - 1).get("blocks"));
        }
        return messages().isEmpty() ? "" : texts(messages().get(0).get("blocks"));
    }

    /** Every text and button value in a message's blocks, one a line. */
    static String texts(String blocksJson) {
        StringBuilder out = new StringBuilder();
        try {
            new ObjectMapper().readTree(blocksJson).findValues("text").forEach(t -> out.append(t.isTextual() ? t.asText() : t.path("text").asText()).append('\n'));
            new ObjectMapper().readTree(blocksJson).findValues("value").forEach(v -> out.append("value: ").append(v.asText()).append('\n'));
        } catch (java.io.IOException e) {
            throw new AssertionError("blocks are not JSON: " + blocksJson, e);
        }
        return out.toString();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 15 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    boolean finished(String runId) {
        return store.find(runId).map(r -> r.state().finished()).orElse(false);
    }

    @Test
    void aRunPostsOneMessageThenEditsItInPlaceUntilItsFinalState() throws Exception {
        start(true);
        Run run = startRun(Map.of("progress", "6", "progress_ms", "300"));

        await("the final state in the channel", () -> finished(run.id()) && shown().contains("*Succeeded*"));
        await("the closing thread reply", () -> threadReplies().size() >= 2);

        assertEquals(1, messages().size(), "one message in the channel");
        Call message = messages().get(0);
        assertEquals(CHANNEL, message.get("channel"));
        assertTrue(texts(message.get("blocks")).contains(TITLE), message.get("blocks"));
        assertFalse(updates().isEmpty(), "the message was edited while the run went on");
        for (Call update : updates()) {
            assertEquals(CHANNEL, update.get("channel"));
            assertEquals(MAIN_TS, update.get("ts"), "every edit is of the same message");
        }
        assertTrue(updates().stream().anyMatch(u -> texts(u.get("blocks")).matches("(?s).*restoring: [0-9.]+ MB of 90.00 MB \\(\\d+%\\).*")),
                "the restore's progress was shown while it ran");
        String last = shown();
        assertTrue(last.contains(":white_check_mark: *Succeeded* in "), last);
        assertTrue(last.contains("Done. RTO 22 s, RPO 2 h."), last);
        assertTrue(last.contains(":white_check_mark: *Safety backup of acme-prod* — done in "), last);
        assertTrue(last.contains(" · b014, 90.00 MB"), last);
        assertTrue(last.contains(":white_check_mark: *Restore b012 into acme-prod* — done in "), last);
        assertTrue(last.contains("requested by <@U0OPERATOR>"), last);
        assertEquals("Restore b012 into acme-prod (production) — Succeeded", updates().get(updates().size() - 1).get("text"));

        List<String> replies = threadReplies();
        assertEquals(":arrow_forward: Started by <@U0OPERATOR>.", replies.get(0));
        assertEquals(":white_check_mark: *Succeeded*: Done. RTO 22 s, RPO 2 h.", replies.get(replies.size() - 1));
        assertEquals(2, replies.size(), "no thread reply for steps that went well: " + replies);
        for (Call reply : calls("chat.postMessage").stream().filter(Call::threaded).toList()) {
            assertEquals(MAIN_TS, reply.get("thread_ts"));
            assertEquals(CHANNEL, reply.get("channel"));
        }
        Run kept = store.find(run.id()).orElseThrow();
        assertEquals(CHANNEL, kept.annotations().get("slack.channel"));
        assertEquals(MAIN_TS, kept.annotations().get("slack.ts"), "the message is kept with the run");
    }

    @Test
    void aFailureIsRepliedInTheThreadAndTheMessageEndsSayingWhatStateThingsAreIn() throws Exception {
        start(true);
        Run run = startRun(Map.of("fail", "restore"));

        await("the final state in the channel", () -> finished(run.id()) && shown().contains("*Failed*"));
        await("the closing thread reply", () -> threadReplies().size() >= 3);

        assertEquals(List.of(":arrow_forward: Started by <@U0OPERATOR>.",
                ":x: *Restore b012 into acme-prod* failed: " + TestRunbook.FAILURE,
                ":x: *Failed*: Maintenance mode is ON: run `/dr maintenance off` once the database is sound."), threadReplies());
        String last = shown();
        assertTrue(last.contains(":x: *Failed* in "), last);
        assertTrue(last.contains(":x: *Restore b012 into acme-prod* — failed after "), last);
        assertTrue(last.contains(":heavy_minus_sign: Verify the app answers — skipped · not run: an earlier step failed"), last);
        assertEquals(1, messages().size());
    }

    @Test
    void manyProgressUpdatesWithinASecondBecomeAtMostTwoEditsAndTheLastShowsTheEnd() throws Exception {
        start(true);
        // After a second (the message is posted by then), 60 progress updates in about a third of a second.
        Run run = startRun(Map.of("wait_ms", "1000", "progress", "60", "progress_ms", "5"));

        await("the final state in the channel", () -> finished(run.id()) && shown().contains("*Succeeded*"));
        Thread.sleep(2_500);  // More than two edit intervals: any edit still to come would have come.

        Run done = store.find(run.id()).orElseThrow();
        Instant burst = done.step("restore").flatMap(StepRecord::startedAt).orElseThrow().plusMillis(1_000);
        Instant end = done.finishedAt().orElseThrow();
        long editsFromTheBurstOn = updates().stream().filter(u -> !u.at().isBefore(burst)).count();
        // About one edit a second: the burst's seconds (rounded up) plus the final state. On an idle machine that is 2.
        long allowed = 1 + (Duration.between(burst, end).toMillis() + 999) / 1000;
        assertTrue(editsFromTheBurstOn >= 1 && editsFromTheBurstOn <= allowed, editsFromTheBurstOn
                + " edits for 60 progress updates in " + Duration.between(burst, end).toMillis() + " ms");
        assertEquals(1, messages().size());
        assertTrue(shown().contains("*Succeeded*"), "the last edit shows the final state");
    }

    @Test
    void editsOfOneMessageAreAboutASecondApart() throws Exception {
        start(true);
        Run run = startRun(Map.of("progress", "25", "progress_ms", "100"));

        await("the final state in the channel", () -> finished(run.id()) && shown().contains("*Succeeded*"));

        List<Call> updates = updates();
        assertTrue(updates.size() >= 2, "edited along the way: " + updates.size());
        for (int i = 1; i < updates.size(); i++) {
            long gap = Duration.between(updates.get(i - 1).at(), updates.get(i).at()).toMillis();
            assertTrue(gap >= 900, "edits " + gap + " ms apart");
        }
    }

    @Test
    void aRateLimitedEditWaitsForRetryAfterAndTheFinalStateStillArrives() throws Exception {
        wire.stubFor(post(urlEqualTo("/api/chat.update")).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("open"));
        wire.stubFor(post(urlEqualTo("/api/chat.update")).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(okJson(Fixtures.read("slack/chat-update.json"))));
        start(true);
        Run run = startRun(Map.of("progress", "5", "progress_ms", "200"));

        await("the final state in the channel", () -> finished(run.id()) && updates().size() >= 2
                && texts(updates().get(updates().size() - 1).get("blocks")).contains("*Succeeded*"));

        List<Call> updates = updates();
        long waited = Duration.between(updates.get(0).at(), updates.get(1).at()).toMillis();
        assertTrue(waited >= 1_900, "the edit after a 429 with Retry-After: 2 came " + waited + " ms later");
        assertTrue(texts(updates.get(updates.size() - 1).get("blocks")).contains("Done. RTO 22 s, RPO 2 h."));
        assertEquals(1, messages().size(), "a rate limit never makes a second message");
    }

    @Test
    void aMessageSomeoneDeletedIsPostedAgainAndTheRunKeepsTheNewOne() throws Exception {
        wire.stubFor(post(urlEqualTo("/api/chat.update")).inScenario("deleted").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"ok\":false,\"error\":\"message_not_found\"}")).willSetStateTo("reposted"));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("deleted").whenScenarioStateIs("reposted")
                .willReturn(okJson(Fixtures.read("slack/chat-postMessage.json").replace(MAIN_TS, "1700000000.000300"))));
        start(true);
        Run run = startRun(Map.of("progress", "8", "progress_ms", "250"));

        await("the final state in the channel", () -> finished(run.id()) && shown().contains("*Succeeded*"));

        assertEquals(2, messages().size(), "posted again once the first was gone");
        List<Call> updates = updates();
        assertEquals(MAIN_TS, updates.get(0).get("ts"));
        assertEquals("1700000000.000300", updates.get(updates.size() - 1).get("ts"), "later edits are of the new message");
        assertEquals("1700000000.000300", store.find(run.id()).orElseThrow().annotations().get("slack.ts"));
    }

    @Test
    void aRunResumedAfterARestartEditsTheSameMessage() throws Exception {
        Instant started = Instant.now().minusSeconds(120);
        Run interrupted = new Run("r-resume2", TestRunbook.NAME, TITLE, "postgres:acme-prod", RunParams.of(Map.of()),
                RunState.RUNNING, OPERATOR, List.of(OPERATOR), Optional.empty(), started.minusSeconds(30), Optional.of(started),
                Optional.empty(), "", Map.of("slack.channel", CHANNEL, "slack.ts", "1699999999.000900"), List.of(
                new StepRecord("announce", "Announce in the incident channel", StepState.SUCCEEDED, "posted", 1,
                        Optional.of(started), Optional.of(started.plusSeconds(1)), Map.of()),
                new StepRecord("safety-backup", "Safety backup of acme-prod", StepState.RUNNING, "", 1,
                        Optional.of(started.plusSeconds(1)), Optional.empty(), Map.of()),
                StepRecord.pending("restore", "Restore b012 into acme-prod"),
                StepRecord.pending("verify", "Verify the app answers")));
        start(true);
        store.create(interrupted);

        engine.resumeUnfinished();

        await("the final state in the channel", () -> finished("r-resume2") && shown().contains("*Succeeded*"));
        await("the closing thread reply", () -> threadReplies().size() >= 2);
        assertEquals(List.of(), messages(), "no new message for a resumed run");
        for (Call update : updates()) {
            assertEquals("1699999999.000900", update.get("ts"));
        }
        assertTrue(threadReplies().get(0).startsWith(":arrows_counterclockwise: Lifeboat restarted; resuming from: Safety backup of acme-prod"),
                threadReplies().toString());
        for (Call reply : calls("chat.postMessage")) {
            assertEquals("1699999999.000900", reply.get("thread_ts"));
        }
    }

    @Test
    void aRunWaitingForApprovalShowsAnApproveButtonUntilItIsApproved() throws Exception {
        start(true);
        Run run = startRun(Map.of(RunEngine.APPROVALS, "2"));

        await("the message", () -> !messages().isEmpty() && threadReplies().size() >= 1);
        String waiting = texts(messages().get(0).get("blocks"));
        assertTrue(waiting.contains("\nApprove\n"), waiting);
        assertTrue(waiting.contains("value: approve " + run.id() + "\n"), waiting);
        assertTrue(threadReplies().get(0).startsWith(":raised_hand: Waiting for a second operator to approve (requested by <@U0OPERATOR>"),
                threadReplies().toString());

        engine.approve(run.id(), "U0SECOND1");

        await("the final state in the channel", () -> finished(run.id()) && shown().contains("*Succeeded*"));
        await("the approval and the end in the thread", () -> threadReplies().size() >= 3);
        assertFalse(shown().contains("value: approve"), "no Approve button once approved");
        assertTrue(shown().contains("approved by <@U0SECOND1>"), shown());
        assertTrue(threadReplies().contains(":ballot_box_with_check: Approved by <@U0SECOND1>; starting."), threadReplies().toString());
    }

    @Test
    void withoutAnIncidentChannelNothingIsPosted() throws Exception {
        start(false);
        Run run = startRun(Map.of());

        await("the run's end", () -> finished(run.id()));
        Thread.sleep(1_500);

        assertEquals(List.of(), calls("chat.postMessage"));
        assertEquals(List.of(), updates());
    }
}
