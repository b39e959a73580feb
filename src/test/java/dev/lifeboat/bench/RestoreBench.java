package dev.lifeboat.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.allRequests;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.SlackRequests;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver of {@code bench/restore.sh}: one WireMock process plays Slack's Web API, the Heroku Platform API, the
 * data API, the status pages and the app's health URL, every stub answering at once (the safety capture is finished
 * when it is asked for; the restore's transfer is finished at its first read). A real Lifeboat runs production
 * restores of a dump URL, confirmed by a typed {@code /dr confirm RUN APP}. Times come from WireMock's journal (stamped
 * on arrival).
 *
 * <pre>
 * RestoreBench stub WIREMOCK_URL
 * RestoreBench run  WIREMOCK_URL LIFEBOAT_URL SIGNING_SECRET SAMPLES
 * </pre>
 * {@code run} prints {@code SAMPLE …} and {@code RESULT key value} lines for the script.
 */
public final class RestoreBench {
    static final String APP = "lifeboat-prod";
    static final String ADDON = "8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8";
    static final String CAPTURE_UUID = "0c48dbea-7e2c-5fce-af2c-8c0d3b1dd466";
    static final String RESTORE_UUID = "d3fa9b49-82b6-5589-a8c3-dde06ca52276";
    static final String DUMP = "https://dumps.example.com/prod/b053.dump";
    static final String OPERATOR = "U0BENCH";
    static final String CHANNEL = "C0BENCH";
    static final String RESTORES = "/data/client/v11/databases/" + ADDON + "/restores";
    static final String CAPTURES = "/data/client/v11/databases/" + ADDON + "/backups";
    static final String RESTORE_TRANSFER = "/data/client/v11/apps/" + APP + "/transfers/" + RESTORE_UUID;
    static final String HEALTH = "/app/up";

    private RestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        URI wiremock = URI.create(args[1]);
        WireMock wm = new WireMock(wiremock.getHost(), wiremock.getPort());
        switch (args[0]) {
            case "stub" -> stub(wm);
            case "run" -> new Run(wm, args[1], args[2], args[3], Integer.parseInt(args[4])).run();
            default -> throw new IllegalArgumentException("stub or run, not " + args[0]);
        }
    }

    static void stub(WireMock wm) {
        wm.register(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wm.register(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));
        wm.register(post(urlEqualTo("/api/chat.update")).willReturn(okJson(Fixtures.read("slack/chat-update.json"))));
        wm.register(post(urlPathMatching("/respond/.+")).willReturn(aResponse().withStatus(200).withBody("ok")));
        wm.register(get(urlEqualTo("/heroku-status/api/v4/current-status"))
                .willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json"))));
        String appInfo = Fixtures.read("heroku/app-info.json");
        String inMaintenance = appInfo.replace("\"maintenance\": false", "\"maintenance\": true");
        for (String state : List.of(Scenario.STARTED, "maintenance-on")) {
            boolean on = state.equals("maintenance-on");
            wm.register(get(urlEqualTo("/heroku/apps/" + APP)).inScenario("maintenance").whenScenarioStateIs(state)
                    .willReturn(okJson(on ? inMaintenance : appInfo)));
            wm.register(patch(urlEqualTo("/heroku/apps/" + APP)).inScenario("maintenance").whenScenarioStateIs(state)
                    .withRequestBody(matchingJsonPath("$.maintenance", equalTo("true")))
                    .willReturn(okJson(inMaintenance)).willSetStateTo("maintenance-on"));
            wm.register(patch(urlEqualTo("/heroku/apps/" + APP)).inScenario("maintenance").whenScenarioStateIs(state)
                    .withRequestBody(matchingJsonPath("$.maintenance", equalTo("false")))
                    .willReturn(okJson(appInfo)).willSetStateTo(Scenario.STARTED));
        }
        wm.register(post(urlEqualTo("/heroku/actions/addon-attachments/resolve"))
                .willReturn(okJson(Fixtures.read("heroku/addon-attachments-resolve.json"))));
        wm.register(delete(urlEqualTo("/heroku/apps/" + APP + "/dynos")).willReturn(aResponse().withStatus(202).withBody("{}")));
        wm.register(get(urlEqualTo(HEALTH)).willReturn(aResponse().withStatus(200).withBody("OK")));
        String capture = Fixtures.read("heroku/pg/capture-finished.json");
        wm.register(post(urlEqualTo(CAPTURES)).willReturn(okJson(capture)));
        wm.register(get(urlEqualTo("/data/client/v11/apps/" + APP + "/transfers/" + CAPTURE_UUID)).willReturn(okJson(capture)));
        wm.register(get(urlEqualTo("/data/client/v11/apps/" + APP + "/transfers")).willReturn(okJson("[" + capture + "]")));
        wm.register(post(urlEqualTo(RESTORES)).willReturn(okJson(Fixtures.read("heroku/pg/restore-pending.json"))));
        String finished = Fixtures.read("heroku/pg/restore-running.json")
                .replace("\"processed_bytes\": 8388608", "\"processed_bytes\": 43710221")
                .replace("\"succeeded\": null", "\"succeeded\": true")
                .replace("\"finished_at\": null", "\"finished_at\": \"2024-05-15 07:24:10 +0000\"");
        wm.register(get(urlEqualTo(RESTORE_TRANSFER)).willReturn(okJson(finished)));
    }

    static final class Run {
        private final WireMock wm;
        private final String wiremockUrl;
        private final SlackRequests slack;
        private final int samples;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Run(WireMock wm, String wiremockUrl, String lifeboatUrl, String secret, int samples) {
            this.wm = wm;
            this.wiremockUrl = wiremockUrl;
            this.slack = new SlackRequests(URI.create(lifeboatUrl + "/slack/events"), secret);
            this.samples = samples;
        }

        void run() throws Exception {
            sample(0);  // warm-up, not counted
            List<long[]> all = new ArrayList<>();
            for (int i = 1; i <= samples; i++) {
                all.add(sample(i));
            }
            String[] names = {"confirm_to_post", "first_message", "finished_to_probe", "finished_to_done_edit",
                    "confirm_to_done_edit", "probe_ms"};
            for (int k = 0; k < names.length; k++) {
                final int col = k;
                long[] v = all.stream().mapToLong(a -> a[col]).sorted().toArray();
                result(names[k] + "_median", v[v.length / 2]);
                result(names[k] + "_max", v[v.length - 1]);
            }
            result("samples", samples);
        }

        /** One restore: card, typed confirmation, the run to its "Succeeded" edit. */
        private long[] sample(int n) throws Exception {
            quiet(Duration.ofMillis(2_500), Duration.ofSeconds(15));
            wm.resetScenarios();
            String respond = wiremockUrl + "/respond/restore-" + n;
            long askedAt = System.currentTimeMillis();
            HttpResponse<String> card = send("restore " + DUMP, respond);
            String run = awaitRunId(card.body(), "/respond/restore-" + n, askedAt);
            long sentAt = System.currentTimeMillis();
            send("confirm " + run + " " + APP, wiremockUrl + "/respond/confirm-" + n);
            LoggedRequest done = await(r -> r.getUrl().equals("/api/chat.update")
                    && String.valueOf(field(r, "text")).contains("Succeeded"), sentAt, Duration.ofSeconds(60));
            List<LoggedRequest> journal = wm.find(allRequests()).stream()
                    .filter(r -> r.getLoggedDate().getTime() >= sentAt)
                    .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
            long post = first(journal, r -> r.getUrl().equals(RESTORES) && r.getMethod().getName().equals("POST"));
            long message = first(journal, r -> r.getUrl().equals("/api/chat.postMessage") && field(r, "thread_ts") == null);
            long finished = first(journal, r -> r.getUrl().equals(RESTORE_TRANSFER));
            long probe = first(journal, r -> r.getUrl().equals(HEALTH));
            long doneAt = done.getLoggedDate().getTime();
            long restorePosts = journal.stream().filter(r -> r.getUrl().equals(RESTORES)).count();
            long probeMs = probeTime();
            long[] figures = {post - sentAt, message - sentAt, probe - finished, doneAt - finished - probeMs,
                    doneAt - sentAt, probeMs};
            System.out.printf("SAMPLE %d %s %s restore_posts=%d%n", n, run,
                    Arrays.toString(figures).replaceAll("[\\[\\],]", ""), restorePosts);
            return figures;
        }

        /** Waits (bounded) until WireMock has heard nothing for {@code gap}: the last run's edits and replies are out. */
        private void quiet(Duration gap, Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (System.nanoTime() < deadline) {
                long last = wm.find(allRequests()).stream().mapToLong(r -> r.getLoggedDate().getTime()).max().orElse(0);
                if (System.currentTimeMillis() - last >= gap.toMillis()) {
                    return;
                }
                Thread.sleep(100);
            }
        }

        /** The probe's own time: one GET of the health URL from here. */
        private long probeTime() throws Exception {
            long start = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(wiremockUrl + HEALTH)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return (System.nanoTime() - start) / 1_000_000;
        }

        private HttpResponse<String> send(String text, String responseUrl) throws Exception {
            HttpResponse<String> ack = http.send(slack.signed(SlackRequests.slashCommandBody(text, OPERATOR, CHANNEL,
                    responseUrl)), HttpResponse.BodyHandlers.ofString());
            if (ack.statusCode() != 200) {
                throw new IllegalStateException("Lifeboat answered " + ack.statusCode() + ": " + ack.body());
            }
            return ack;
        }

        private String awaitRunId(String ackBody, String path, long since) throws InterruptedException {
            Pattern id = Pattern.compile("r-[a-z0-9]{6}");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                StringBuilder text = new StringBuilder(ackBody);
                wm.find(allRequests()).stream().filter(r -> r.getUrl().equals(path))
                        .forEach(r -> text.append('\n').append(r.getBodyAsString()));
                Matcher m = id.matcher(text);
                if (m.find()) {
                    return m.group();
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("no run id in the restore's card within 30 s");
        }

        private LoggedRequest await(Predicate<LoggedRequest> what, long since, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<LoggedRequest> found = wm.find(allRequests()).stream()
                        .filter(r -> r.getLoggedDate().getTime() >= since).filter(what).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("the run did not succeed within " + timeout.toSeconds() + " s");
        }

        private static long first(List<LoggedRequest> journal, Predicate<LoggedRequest> what) {
            return journal.stream().filter(what).findFirst().map(r -> r.getLoggedDate().getTime())
                    .orElseThrow(() -> new IllegalStateException("an expected request never came"));
        }

        private static String field(LoggedRequest form, String name) {
            for (String pair : form.getBodyAsString().split("&")) {
                if (pair.startsWith(name + "=")) {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        private static void result(String key, long value) {
            System.out.println("RESULT " + key + " " + value);
        }
    }
}
