package dev.lifeboat.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.Wiring;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.leader.Leadership;
import dev.lifeboat.testing.Fixtures;
import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The driver of {@code bench/monitor.sh}: a real Lifeboat (the serve wiring, Slack adapter included, H2 in a temporary
 * directory) in this JVM, its leader ticking every 5 s as when serving, and one in-process WireMock standing in for
 * every upstream of a status round and for Slack's {@code chat.postMessage}.
 *
 * <pre>MonitorBench INTERVAL_SECONDS SAMPLES IDLE_SECONDS</pre>
 * Prints {@code SAMPLE n down_ms up_ms} lines (from the app's health check turning 503, at a random moment, to the
 * down message arriving at Slack; and from it answering again to the up message) and {@code RESULT key value} lines
 * for the idle window: checks, upstream calls, CPU and allocation of Lifeboat's threads, heap after GC.
 */
public final class MonitorBench {
    public static void main(String[] args) throws Exception {
        int interval = Integer.parseInt(args[0]);
        int samples = Integer.parseInt(args[1]);
        int idleSeconds = Integer.parseInt(args[2]);
        WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(30));
        wire.start();
        WireMock wm = new WireMock("127.0.0.1", wire.port());
        StatusBench.stub(wm, 0);
        wm.register(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));
        String base = "http://127.0.0.1:" + wire.port();
        try {
            for (int n = 1; n <= samples; n++) {
                // A fresh Lifeboat a sample: the 10-minute cap on down messages would hold back the next one.
                try (Running lifeboat = Running.start(base, interval)) {
                    Thread.sleep(interval * 1000L + 2_000);  // the first checks: classes loaded, all green
                    Thread.sleep(ThreadLocalRandom.current().nextLong(interval * 1000L));
                    int before = posts(wire).size();
                    StubMapping down = wm.register(get(urlEqualTo("/app/up")).atPriority(1)
                            .willReturn(aResponse().withStatus(503).withBody("H10 App crashed")));
                    long wentDown = System.currentTimeMillis();
                    LoggedRequest downMessage = await(wire, before + 1, "is down");
                    long downMs = downMessage.getLoggedDate().getTime() - wentDown;
                    wm.removeStubMapping(down);
                    long cameBack = System.currentTimeMillis();
                    LoggedRequest upMessage = await(wire, before + 2, "is back up");
                    long upMs = upMessage.getLoggedDate().getTime() - cameBack;
                    System.out.println("SAMPLE " + n + " " + downMs + " " + upMs);
                    if (n == samples) {
                        idle(wire, idleSeconds);
                    }
                }
            }
        } finally {
            wire.stop();
        }
    }

    /** A real Lifeboat on the serve wiring, its leader ticking as when serving; H2 in a temporary directory. */
    private record Running(Injector injector, ScheduledExecutorService timer, Path data) implements AutoCloseable {
        static Running start(String base, int interval) throws Exception {
            Path data = Files.createTempDirectory("lifeboat-monitor-bench-");
            Map<String, String> env = new HashMap<>();
            env.put("SLACK_BOT_TOKEN", "xoxb-bench");
            env.put("SLACK_SIGNING_SECRET", "bench-signing-secret-0123456789");
            env.put("SLACK_API_URL", base + "/api/");
            env.put("LIFEBOAT_INCIDENT_CHANNEL", "C0INCIDENT");
            env.put("LIFEBOAT_DATA_DIR", data.toString());
            env.put("LIFEBOAT_MONITOR_INTERVAL_SECONDS", Integer.toString(interval));
            env.put("HEROKU_API_KEY", "bench-heroku-key");
            env.put("HEROKU_APP", StatusBench.APP);
            env.put("HEROKU_API_URL", base + "/heroku");
            env.put("HEROKU_DATA_API_URL", base + "/data");
            env.put("HEROKU_STATUS_URL", base + "/heroku-status");
            env.put("APP_URL", base + "/app");
            env.put("APP_HEALTH_PATH", "/up");
            env.put("NETLIFY_AUTH_TOKEN", "bench-netlify-token");
            env.put("NETLIFY_SITE_ID", StatusBench.SITE);
            env.put("NETLIFY_API_URL", base + "/netlify/api/v1");
            env.put("NETLIFY_STATUS_URL", base + "/netlify-status");
            env.put("SITE_URL", base + "/site/");
            env.put("AWS_ACCESS_KEY_ID", "bench");
            env.put("AWS_SECRET_ACCESS_KEY", "bench-secret");
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ENDPOINT_URL_S3", base);
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("LIFEBOAT_BACKUP_BUCKET", StatusBench.BUCKET);
            LifeboatConfig config = LifeboatConfig.load(Env.of(env));
            Injector injector = Guice.createInjector(Stage.PRODUCTION, Wiring.serve(config, Wiring.World.REAL).modules());
            Leadership leadership = injector.getInstance(Leadership.class);
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleWithFixedDelay(leadership::tick, 0, Leadership.TICK.toMillis(), TimeUnit.MILLISECONDS);
            return new Running(injector, timer, data);
        }

        @Override
        public void close() throws Exception {
            timer.shutdownNow();
            injector.getInstance(Lifecycle.class).close();
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An idle window: everything green, the leader checking; what it costs. */
    private static void idle(WireMockServer wire, int seconds) throws InterruptedException {
        Thread.sleep(3_000);  // let the last check end
        System.gc();
        long heapBefore = usedHeap();
        wire.resetRequests();
        long[] before = lifeboatThreads();
        Thread.sleep(seconds * 1000L);
        long[] after = lifeboatThreads();
        List<LoggedRequest> requests = wire.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
        long checks = requests.stream().filter(r -> r.getUrl().startsWith("/app/up")).count();
        long upstream = requests.stream().filter(r -> !r.getUrl().startsWith("/api/")).count();
        System.gc();
        System.out.println("RESULT idle_seconds " + seconds);
        System.out.println("RESULT idle_checks " + checks);
        System.out.println("RESULT idle_upstream_calls " + upstream);
        System.out.println("RESULT idle_slack_calls " + (requests.size() - upstream));
        System.out.println("RESULT idle_cpu_ms " + (after[0] - before[0]) / 1_000_000);
        System.out.println("RESULT idle_alloc_kb " + (after[1] - before[1]) / 1024);
        System.out.println("RESULT heap_before_kb " + heapBefore / 1024);
        System.out.println("RESULT heap_after_kb " + usedHeap() / 1024);
    }

    /** CPU nanoseconds and bytes allocated so far by Lifeboat's own threads (not WireMock's, not this driver's). */
    private static long[] lifeboatThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu = 0;
        long alloc = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.startsWith("lifeboat-") || name.startsWith("OkHttp") || name.startsWith("Okio")
                    || name.startsWith("HikariPool") || name.contains("pool-")) {
                cpu += Math.max(0, threads.getThreadCpuTime(t.getId()));
                alloc += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
            }
        }
        return new long[] {cpu, alloc};
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static List<LoggedRequest> posts(WireMockServer wire) {
        return wire.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")));
    }

    private static LoggedRequest await(WireMockServer wire, int count, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline) {
            List<LoggedRequest> posts = posts(wire);
            if (posts.size() >= count) {
                LoggedRequest last = posts.stream().max(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).orElseThrow();
                String body = URLDecoder.decode(last.getBodyAsString(), StandardCharsets.UTF_8);
                if (!body.contains(text)) {
                    throw new IllegalStateException("expected a message saying '" + text + "', got " + body);
                }
                return last;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no message '" + text + "' within 10 minutes");
    }
}
