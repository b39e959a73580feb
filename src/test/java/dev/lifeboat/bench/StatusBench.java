package dev.lifeboat.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.allRequests;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The driver of {@code bench/status.sh}: one WireMock process plays every upstream of {@code /dr status} (each stub
 * with a fixed delay) plus Slack ({@code auth.test} and the response URLs, without delay); a real Lifeboat serves
 * Slack over HTTP. Times are taken from WireMock's request journal, whose {@code loggedDate} is stamped when a request
 * arrives (before any delay), so the report's arrival time does not depend on how fast this driver polls.
 *
 * <pre>
 * StatusBench stub WIREMOCK_URL DELAY_MS
 * StatusBench run  WIREMOCK_URL LIFEBOAT_URL SIGNING_SECRET SAMPLES HANG_SAMPLES CONCURRENT SHARE_WAIT_MS HANG_DELAY_MS
 * </pre>
 * {@code run} prints {@code RESULT key value…}, {@code SAMPLE …} and {@code CALLS endpoint count} lines for the script.
 */
public final class StatusBench {
    static final String APP = "lifeboat-prod";
    /** The Postgres add-on behind DATABASE_URL in {@code fixtures/heroku/addons.json}. */
    static final String ADDON = "8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8";
    /** The site in {@code fixtures/netlify/site.json}. */
    static final String SITE = "b7c3a9d2-4e1f-4c8a-9d6b-0f2e5a7c1d3e";
    static final String BUCKET = "lifeboat-backups";
    static final String HANG = "heroku dynos";
    static final String CHAINED = "pg schedules";

    /** One upstream endpoint of a status round: a name and the endpoint for the table, its path on WireMock, its answer. */
    record Upstream(String name, String endpoint, String pathRegex, String contentType, String body) {
        boolean matches(LoggedRequest request) {
            return RequestMethod.GET.equals(request.getMethod())
                    && Pattern.matches(pathRegex, URI.create(request.getUrl()).getRawPath());
        }
    }

    static List<Upstream> upstreams() {
        String json = "application/json";
        String heroku = "/heroku/apps/" + APP;
        String data = "/data/client/v11";
        String netlify = "/netlify/api/v1/sites/" + SITE;
        return List.of(
                new Upstream("heroku app", "GET {heroku}/apps/{app}",
                        q(heroku), json, Fixtures.read("heroku/app-info.json")),
                new Upstream(HANG, "GET {heroku}/apps/{app}/dynos",
                        q(heroku + "/dynos"), json, Fixtures.read("heroku/dynos.json")),
                new Upstream("heroku releases", "GET {heroku}/apps/{app}/releases",
                        q(heroku + "/releases"), json, Fixtures.read("heroku/releases-page-1.json")),
                new Upstream("heroku addons", "GET {heroku}/apps/{app}/addons",
                        q(heroku + "/addons"), json, Fixtures.read("heroku/addons.json")),
                new Upstream("pg transfers", "GET {data}/client/v11/apps/{app}/transfers",
                        q(data + "/apps/" + APP + "/transfers"), json, Fixtures.read("heroku/pg/transfers.json")),
                new Upstream(CHAINED, "GET {data}/client/v11/databases/{addon}/transfer-schedules",
                        q(data + "/databases/" + ADDON + "/transfer-schedules"), json,
                        Fixtures.read("heroku/pg/schedules.json")),
                new Upstream("s3 list", "GET {s3}/{bucket}?list-type=2&prefix=...",
                        q("/" + BUCKET) + "/?", "application/xml", s3Listing()),
                new Upstream("netlify site", "GET {netlify}/sites/{id}",
                        q(netlify), json, Fixtures.read("netlify/site.json")),
                new Upstream("netlify deploys", "GET {netlify}/sites/{id}/deploys",
                        q(netlify + "/deploys"), json, Fixtures.read("netlify/deploys.json")),
                new Upstream("heroku status", "GET {heroku-status}/api/v4/current-status",
                        q("/heroku-status/api/v4/current-status"), json,
                        Fixtures.read("platformstatus/heroku-current-status-green.json")),
                new Upstream("netlify status", "GET {netlify-status}/api/v2/summary.json",
                        q("/netlify-status/api/v2/summary.json"), json,
                        Fixtures.read("platformstatus/netlify-summary-operational.json")),
                new Upstream("app probe", "GET {APP_URL}{APP_HEALTH_PATH}",
                        q("/app/up"), "text/plain", "OK"),
                new Upstream("site probe", "GET {SITE_URL}",
                        q("/site/"), "text/html", "<html><body>shop</body></html>"));
    }

    private static String q(String path) {
        return Pattern.quote(path);
    }

    /** A ListObjectsV2 answer with one copy of today's backup. */
    private static String s3Listing() {
        String modified = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String prefix = "pg-backups/" + APP + "/";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + BUCKET + "</Name>"
                + "<Prefix>" + prefix + "</Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>false</IsTruncated><Contents><Key>" + prefix + "b053.dump</Key>"
                + "<LastModified>" + modified + "</LastModified><ETag>\"0f343b0931126a20f133d67c2b018a3b\"</ETag>"
                + "<Size>48213760</Size><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>";
    }

    private StatusBench() {
    }

    public static void main(String[] args) throws Exception {
        URI wiremock = URI.create(args[1]);
        WireMock wm = new WireMock(wiremock.getHost(), wiremock.getPort());
        switch (args[0]) {
            case "stub" -> stub(wm, Integer.parseInt(args[2]));
            case "run" -> new Run(wm, args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), Long.parseLong(args[7]), Integer.parseInt(args[8])).run();
            default -> throw new IllegalArgumentException("stub or run, not " + args[0]);
        }
    }

    static void stub(WireMock wm, int delayMs) {
        wm.register(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wm.register(post(urlPathMatching("/respond/.+")).willReturn(aResponse().withStatus(200).withBody("ok")));
        for (Upstream upstream : upstreams()) {
            wm.register(get(urlPathMatching(upstream.pathRegex())).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", upstream.contentType()).withBody(upstream.body())
                    .withFixedDelay(delayMs)));
        }
    }

    /** One {@code /dr status}: when it was sent, when Lifeboat acknowledged it and when its report arrived. */
    record Sample(long sentAt, long ackMs, long reportAt, String report, List<LoggedRequest> upstreamCalls) {
        long totalMs() {
            return reportAt - sentAt;
        }
    }

    static final class Run {
        private final WireMock wm;
        private final String wiremockUrl;
        private final SlackRequests slack;
        private final int samples;
        private final int hangSamples;
        private final int concurrent;
        private final long shareWaitMs;
        private final int hangDelayMs;
        private final List<Upstream> upstreams = upstreams();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private long lastReportAt;

        Run(WireMock wm, String wiremockUrl, String lifeboatUrl, String secret, int samples, int hangSamples,
            int concurrent, long shareWaitMs, int hangDelayMs) {
            this.wm = wm;
            this.wiremockUrl = wiremockUrl;
            this.slack = new SlackRequests(URI.create(lifeboatUrl + "/slack/events"), secret);
            this.samples = samples;
            this.hangSamples = hangSamples;
            this.concurrent = concurrent;
            this.shareWaitMs = shareWaitMs;
            this.hangDelayMs = hangDelayMs;
        }

        void run() throws Exception {
            Sample cold = sample("warmup");
            result("cold_ms", cold.totalMs());

            List<Sample> normal = new ArrayList<>();
            for (int i = 1; i <= samples; i++) {
                Sample s = fresh("normal-" + i);
                normal.add(s);
                describe("normal", i, s);
                for (String gap : List.of("not configured", "no answer", "check failed", "rate limited")) {
                    if (s.report().contains(gap)) {
                        System.out.println("WARN sample " + i + ": the report says \"" + gap + "\"");
                    }
                }
            }
            report("normal", normal);

            concurrent();

            wm.register(get(urlPathMatching(upstream(HANG).pathRegex())).atPriority(1).willReturn(aResponse()
                    .withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(upstream(HANG).body()).withFixedDelay(hangDelayMs)));
            List<Sample> hanging = new ArrayList<>();
            for (int i = 1; i <= hangSamples; i++) {
                Sample s = fresh("hang-" + i);
                hanging.add(s);
                describe("hang", i, s);
                if (!s.report().contains("no answer within")) {
                    System.out.println("WARN hang sample " + i + ": the report does not say \"no answer within\"");
                }
            }
            report("hang", hanging);

            // Heroku rate limiting: every Platform and data API call answered 429 at once with Retry-After 5 s,
            // longer than the round's deadline. The report must say so in time, not wait the 5 s out.
            for (Upstream upstream : upstreams) {
                if (upstream.name().startsWith("heroku ") && !upstream.name().equals("heroku status")
                        || upstream.name().startsWith("pg ")) {
                    wm.register(get(urlPathMatching(upstream.pathRegex())).atPriority(1).willReturn(aResponse()
                            .withStatus(429).withHeader("Retry-After", "5").withHeader("Content-Type", "application/json")
                            .withBody("{\"id\":\"rate_limit\",\"message\":\"Your account reached the API rate limit\"}")));
                }
            }
            List<Sample> limited = new ArrayList<>();
            for (int i = 1; i <= hangSamples; i++) {
                Sample s = fresh("ratelimit-" + i);
                limited.add(s);
                describe("limit", i, s);
                if (!s.report().contains("rate limited (retry in 5 s)")) {
                    System.out.println("WARN rate-limit sample " + i + ": the report does not say \"rate limited (retry in 5 s)\"");
                }
                if (s.report().contains("Down")) {
                    System.out.println("WARN rate-limit sample " + i + ": the report says Down");
                }
            }
            report("limit", limited);
        }

        /** A sample that starts a fresh round: waits until the last round's answer is no longer shared. */
        private Sample fresh(String id) throws Exception {
            waitOutShareWindow();
            return sample(id);
        }

        private void waitOutShareWindow() throws InterruptedException {
            long wait = lastReportAt + shareWaitMs - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }

        private Sample sample(String id) throws Exception {
            String responsePath = "/respond/" + id;
            HttpRequest request = slack.signed(SlackRequests.slashCommandBody("status", "U0BENCH", "C0BENCH",
                    wiremockUrl + responsePath));
            long sentAt = System.currentTimeMillis();
            HttpResponse<String> ack = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(30, TimeUnit.SECONDS);
            long ackMs = System.currentTimeMillis() - sentAt;
            if (ack.statusCode() != 200) {
                throw new IllegalStateException("Lifeboat answered " + ack.statusCode() + ": " + ack.body());
            }
            LoggedRequest posted = awaitReport(responsePath, Duration.ofSeconds(30));
            long reportAt = posted.getLoggedDate().getTime();
            lastReportAt = reportAt;
            List<LoggedRequest> calls = wm.find(allRequests()).stream()
                    .filter(r -> r.getLoggedDate().getTime() >= sentAt && r.getLoggedDate().getTime() <= reportAt)
                    .filter(r -> upstreams.stream().anyMatch(u -> u.matches(r)))
                    .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                    .toList();
            return new Sample(sentAt, ackMs, reportAt, posted.getBodyAsString(), calls);
        }

        private LoggedRequest awaitReport(String path, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                List<LoggedRequest> found = wm.find(postRequestedFor(urlPathEqualTo(path)));
                if (!found.isEmpty()) {
                    return found.get(0);
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("no report posted to " + path + " within " + timeout.toSeconds() + " s");
        }

        /** One line per sample: total, ack, how many upstream calls and when they arrived at WireMock. */
        private void describe(String kind, int n, Sample s) {
            List<Long> offsets = new ArrayList<>();
            long chained = -1;
            for (LoggedRequest call : s.upstreamCalls()) {
                long offset = call.getLoggedDate().getTime() - s.sentAt();
                if (upstream(CHAINED).matches(call)) {
                    chained = offset;
                } else {
                    offsets.add(offset);
                }
            }
            long first = offsets.stream().mapToLong(Long::longValue).min().orElse(-1);
            long last = offsets.stream().mapToLong(Long::longValue).max().orElse(-1);
            System.out.printf("SAMPLE %s %d %d %d %d %d %d %d%n", kind, n, s.totalMs(), s.ackMs(),
                    s.upstreamCalls().size(), first, last, chained);
        }

        private void report(String kind, List<Sample> list) {
            long[] totals = list.stream().mapToLong(Sample::totalMs).sorted().toArray();
            result(kind + "_median_ms", median(totals));
            result(kind + "_max_ms", totals[totals.length - 1]);
            result(kind + "_min_ms", totals[0]);
            result(kind + "_fresh_rounds", list.stream().filter(s -> s.upstreamCalls().size() >= upstreams.size()).count());
            result(kind + "_samples", list.size());
        }

        /** Many requests at once after the share window: counts calls per upstream endpoint in WireMock's journal. */
        private void concurrent() throws Exception {
            waitOutShareWindow();
            wm.resetRequests();
            List<HttpRequest> requests = new ArrayList<>();
            for (int i = 1; i <= concurrent; i++) {
                requests.add(slack.signed(SlackRequests.slashCommandBody("status", "U0BENCH" + i, "C0BENCH",
                        wiremockUrl + "/respond/crowd-" + i)));
            }
            long sentAt = System.currentTimeMillis();
            List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
            for (HttpRequest request : requests) {
                acks.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            long fired = System.currentTimeMillis() - sentAt;
            int acked = 0;
            for (CompletableFuture<HttpResponse<String>> ack : acks) {
                if (ack.get(30, TimeUnit.SECONDS).statusCode() == 200) {
                    acked++;
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<LoggedRequest> reports = List.of();
            while (System.nanoTime() < deadline) {
                reports = wm.find(postRequestedFor(urlPathMatching("/respond/crowd-.+")));
                if (reports.size() >= concurrent) {
                    break;
                }
                Thread.sleep(20);
            }
            long lastReport = reports.stream().mapToLong(r -> r.getLoggedDate().getTime()).max().orElse(sentAt);
            lastReportAt = lastReport;
            List<LoggedRequest> journal = wm.find(allRequests());
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Upstream upstream : upstreams) {
                counts.put(upstream.name(), journal.stream().filter(upstream::matches).count());
            }
            long authTests = journal.stream().filter(r -> URI.create(r.getUrl()).getPath().equals("/api/auth.test")).count();
            long other = journal.stream().filter(r -> upstreams.stream().noneMatch(u -> u.matches(r)))
                    .filter(r -> !URI.create(r.getUrl()).getPath().startsWith("/respond/"))
                    .filter(r -> !URI.create(r.getUrl()).getPath().equals("/api/auth.test")).count();
            long busy = reports.stream().filter(r -> r.getBodyAsString().contains("busy")).count();
            for (Upstream upstream : upstreams) {
                System.out.printf("CALLS %s %d %s%n", upstream.name().replace(' ', '_'), counts.get(upstream.name()),
                        upstream.endpoint());
            }
            result("crowd_requests", concurrent);
            result("crowd_fired_ms", fired);
            result("crowd_acked", acked);
            result("crowd_reports", reports.size());
            result("crowd_busy_reports", busy);
            result("crowd_last_report_ms", lastReport - sentAt);
            result("crowd_upstream_calls", counts.values().stream().mapToLong(Long::longValue).sum());
            result("crowd_auth_tests", authTests);
            result("crowd_other_requests", other);
        }

        private Upstream upstream(String name) {
            return upstreams.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
        }

        private static long median(long[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        private static void result(String key, long value) {
            System.out.println("RESULT " + key + " " + value);
        }
    }
}
