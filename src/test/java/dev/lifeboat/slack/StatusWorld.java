package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.s3.S3ClientFactory;
import dev.lifeboat.s3.S3Clients;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.s3.S3Tuning;
import dev.lifeboat.status.StatusRound;
import dev.lifeboat.status.StatusTimings;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.RunningLifeboat;
import dev.lifeboat.testing.SlackRequests;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real Lifeboat server for {@code /dr status} end-to-end tests, and the world it looks at: one WireMock standing in
 * for Slack's Web API and {@code response_url}, the Heroku Platform and data APIs, Netlify, both status pages and the
 * probed app and site; S3Proxy holding the offsite copies. {@link #greenWorld()} stubs a world where everything is
 * fine; each test then breaks one thing.
 */
final class StatusWorld implements AutoCloseable {
    static final String SECRET = "status-e2e-signing-secret-0123456789";
    static final String HEROKU_KEY = "heroku-e2e-api-key-0000";
    static final String NETLIFY_TOKEN = "netlify-e2e-token-0000";
    static final String APP = "acme-prod";
    static final String ADDON_ID = "8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8";
    static final String SITE_ID = "b7c3a9d2-4e1f-4c8a-9d6b-0f2e5a7c1d3e";
    static final String OPERATOR = "U0OPERATOR";
    static final String ONCALL = "U0ONCALL1";
    static final String CHANNEL = "C0INCIDENT";
    static final String PREFIX = "pg-backups/" + APP + "/";
    /** The size of every backup in the green world, and of its offsite copy. */
    static final long BACKUP_BYTES = 43_210;
    static final int MAX_BACKUP_AGE_HOURS = 24;

    static final String APP_INFO = "/heroku-api/apps/" + APP;
    static final String DYNOS = APP_INFO + "/dynos";
    static final String RELEASES = APP_INFO + "/releases";
    static final String ADDONS = APP_INFO + "/addons";
    static final String TRANSFERS = "/heroku-data/client/v11/apps/" + APP + "/transfers";
    static final String SCHEDULES = "/heroku-data/client/v11/databases/" + ADDON_ID + "/transfer-schedules";
    static final String SITE = "/netlify/api/v1/sites/" + SITE_ID;
    static final String DEPLOYS = SITE + "/deploys?per_page=20";
    static final String HEROKU_STATUS = "/heroku-status/api/v4/current-status";
    static final String NETLIFY_STATUS = "/netlify-status/api/v2/summary.json";
    static final String APP_HEALTH = "/app/up";
    static final String SITE_PAGE = "/site/";
    /** Every upstream call one status round makes (S3 aside), as WireMock sees its URL. */
    static final List<String> UPSTREAM_CALLS = List.of(APP_INFO, DYNOS, RELEASES, ADDONS, TRANSFERS, SCHEDULES, SITE,
            DEPLOYS, HEROKU_STATUS, NETLIFY_STATUS, APP_HEALTH, SITE_PAGE);

    private static final DateTimeFormatter DATA_API_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_-]+)(?::([^}]+))?}}");
    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer wire;
    final RunningLifeboat lifeboat;
    final String bucket;
    private final S3Clients s3;
    private final SlackRequests slack;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger responses = new AtomicInteger();
    /** When {@link #backups} last stubbed the transfer list: the backups' finish times count back from it. */
    private volatile Instant backupsAt = Instant.now();

    /** A backup in the data API's transfer list. */
    record Backup(long num, boolean scheduled, Duration finishedAgo, boolean succeeded, long bytes) {
        static Backup scheduled(long num, Duration finishedAgo) {
            return new Backup(num, true, finishedAgo, true, BACKUP_BYTES);
        }

        static Backup manual(long num, Duration finishedAgo) {
            return new Backup(num, false, finishedAgo, true, BACKUP_BYTES);
        }

        Backup failed() {
            return new Backup(num, scheduled, finishedAgo, false, 1_048_576);
        }

        String name() {
            return (scheduled ? "a" : "b") + String.format("%03d", num);
        }
    }

    /** A request sent to Lifeboat, with the {@code response_url} path its answer goes to. */
    record Sent(HttpResponse<String> ack, String responsePath, long sentAtNanos) {
    }

    private StatusWorld(WireMockServer wire, RunningLifeboat lifeboat, String bucket, S3Clients s3, Path dataDir) {
        this.wire = wire;
        this.lifeboat = lifeboat;
        this.bucket = bucket;
        this.s3 = s3;
        this.dataDir = dataDir;
        this.slack = new SlackRequests(lifeboat.uri("/slack/events"), SECRET);
    }

    /**
     * Starts the stand-ins and a real Lifeboat that looks at them.
     *
     * @param env edits to the environment before Lifeboat reads it (e.g. removing Netlify's variables)
     */
    static StatusWorld start(S3ProxyServer s3proxy, StatusTimings timings, Consumer<Map<String, String>> env)
            throws Exception {
        WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        String bucket = s3proxy.createBucket();
        Path dataDir = Files.createTempDirectory("lifeboat-status-e2e-");
        String base = "http://127.0.0.1:" + wire.port();
        Map<String, String> vars = new HashMap<>();
        vars.put("SLACK_BOT_TOKEN", "xoxb-0000-e2e-token");
        vars.put("SLACK_SIGNING_SECRET", SECRET);
        vars.put("SLACK_API_URL", base + "/api/");
        vars.put("LIFEBOAT_OPERATORS", OPERATOR);
        vars.put("LIFEBOAT_DATA_DIR", dataDir.toString());
        vars.put("HEROKU_API_KEY", HEROKU_KEY);
        vars.put("HEROKU_APP", APP);
        vars.put("HEROKU_API_URL", base + "/heroku-api");
        vars.put("HEROKU_DATA_API_URL", base + "/heroku-data");
        vars.put("HEROKU_STATUS_URL", base + "/heroku-status");
        vars.put("APP_URL", base + "/app");
        vars.put("APP_HEALTH_PATH", "/up");
        vars.put("NETLIFY_AUTH_TOKEN", NETLIFY_TOKEN);
        vars.put("NETLIFY_SITE_ID", SITE_ID);
        vars.put("NETLIFY_API_URL", base + "/netlify/api/v1");
        vars.put("NETLIFY_STATUS_URL", base + "/netlify-status");
        vars.put("SITE_URL", base + SITE_PAGE);
        vars.put("AWS_ACCESS_KEY_ID", S3ProxyServer.IDENTITY);
        vars.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.CREDENTIAL);
        vars.put("AWS_REGION", "us-east-1");
        vars.put("AWS_ENDPOINT_URL_S3", s3proxy.endpoint().toString());
        vars.put("LIFEBOAT_BACKUP_BUCKET", bucket);
        vars.put("LIFEBOAT_BACKUP_MAX_AGE_HOURS", Integer.toString(MAX_BACKUP_AGE_HOURS));
        env.accept(vars);
        RunningLifeboat lifeboat = RunningLifeboat.start(vars, List.of(timings(timings)), nextStepCommands());
        S3Clients clients = S3ClientFactory.clients(s3proxy.settings(bucket), S3Tuning.DEFAULT);
        StatusWorld world = new StatusWorld(wire, lifeboat, bucket, clients, dataDir);
        world.warmUp();
        return world;
    }

    /**
     * The first round in a JVM loads Jackson, OkHttp and the AWS SDK, which can take longer than a short deadline.
     * One round run directly (not through the status service, so no later request can reuse it) loads them, so a
     * test's deadline measures the upstreams. {@link #greenWorld()} then clears what the stand-ins recorded.
     */
    private void warmUp() {
        greenWorld();
        lifeboat.get(StatusRound.class).gather();
    }

    private static Module timings(StatusTimings timings) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(StatusTimings.class).toInstance(timings);
            }
        };
    }

    /**
     * The commands the report's next steps name that do not exist yet, as doubles that only answer: the report offers
     * a step only when its command exists, so with these registered the buttons become visible ({@code logs},
     * {@code restart}, {@code rollback} and {@code maintenance} are real).
     */
    private static Module nextStepCommands() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder<CommandHandler> commands = Multibinder.newSetBinder(binder(), CommandHandler.class);
            }
        };
    }

    private static CommandHandler answering(CommandSpec spec) {
        return new CommandHandler() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public Reply handle(Invocation invocation) {
                return Reply.text("ran " + spec.name());
            }
        };
    }

    /**
     * Everything fine: dynos up, release v42 two days old, scheduled backups a011 (30 h) and a012 (6 h) both copied
     * offsite with their sizes, the site's published deploy ready, both status pages green, app and site answering.
     */
    void greenWorld() {
        wire.resetAll();
        stub(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        stub(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        stub(get(urlEqualTo(APP_INFO)).willReturn(okJson(fixture("status/heroku-app.json"))));
        stub(get(urlEqualTo(DYNOS)).willReturn(okJson(fixture("status/heroku-dynos-up.json"))));
        stub(get(urlEqualTo(RELEASES)).willReturn(okJson(fixture("status/heroku-releases.json"))));
        stub(get(urlEqualTo(ADDONS)).willReturn(okJson(fixture("status/heroku-addons.json"))));
        stub(get(urlEqualTo(SCHEDULES)).willReturn(okJson(Fixtures.read("heroku/pg/schedules.json"))));
        backups(Backup.scheduled(11, Duration.ofHours(30)), Backup.scheduled(12, Duration.ofHours(6)));
        stub(get(urlEqualTo(SITE)).willReturn(okJson(render(Fixtures.read("status/netlify-site.json"),
                Map.of("site_url", baseUrl() + SITE_PAGE)))));
        stub(get(urlEqualTo(DEPLOYS)).willReturn(okJson(fixture("status/netlify-deploys.json"))));
        stub(get(urlEqualTo(HEROKU_STATUS)).willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json"))));
        stub(get(urlEqualTo(NETLIFY_STATUS)).willReturn(okJson(Fixtures.read("platformstatus/netlify-summary-operational.json"))));
        stub(get(urlEqualTo(APP_HEALTH)).willReturn(aResponse().withStatus(200).withBody("OK")));
        stub(get(urlEqualTo(SITE_PAGE)).willReturn(aResponse().withStatus(200).withBody("<html></html>")));
        clearOffsiteCopies();
        offsiteCopy("a011.dump", BACKUP_BYTES);
        offsiteCopy("a012.dump", BACKUP_BYTES);
    }

    void stub(MappingBuilder mapping) {
        wire.stubFor(mapping);
    }

    /** The data API's transfer list: these backups, oldest first as Heroku lists them. */
    void backups(Backup... backups) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        backupsAt = now;
        List<JsonNode> transfers = new ArrayList<>();
        for (Backup b : backups) {
            Instant finished = now.minus(b.finishedAgo());
            Map<String, String> vars = Map.of(
                    "uuid", UUID.nameUUIDFromBytes(("backup-" + b.num()).getBytes()).toString(),
                    "num", Long.toString(b.num()),
                    "bytes", Long.toString(b.bytes()),
                    "succeeded", Boolean.toString(b.succeeded()),
                    "created_at", DATA_API_TIME.format(finished.minusSeconds(220).atOffset(ZoneOffset.UTC)),
                    "finished_at", DATA_API_TIME.format(finished.atOffset(ZoneOffset.UTC)),
                    "schedule", b.scheduled() ? "{\"uuid\": \"5e5d5bc9-6aed-4ede-81b5-edf9341ee6d2\", \"name\": \"DATABASE_URL\"}" : "null");
            try {
                transfers.add(JSON.readTree(render(Fixtures.read("status/pg-backup.json"), vars)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        stub(get(urlEqualTo(TRANSFERS)).willReturn(okJson(JSON.valueToTree(transfers).toString())));
    }

    /** How a report shows when a backup {@code finishedAgo} finished: {@code 2026-11-27 02:03 UTC}. */
    String finishedWhen(Duration finishedAgo) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").format(backupsAt.minus(finishedAgo).atOffset(ZoneOffset.UTC));
    }

    /** Puts an offsite copy under the app's prefix in the bucket Lifeboat reads. */
    void offsiteCopy(String fileName, long size) {
        s3.s3().putObject(r -> r.bucket(bucket).key(PREFIX + fileName), RequestBody.fromBytes(new byte[(int) size]));
    }

    void clearOffsiteCopies() {
        S3Client client = s3.s3();
        for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            client.deleteObject(r -> r.bucket(bucket).key(object.key()));
        }
    }

    /** Sends a signed {@code /dr status} as Slack would, answering to a fresh {@code response_url}. */
    Sent status(String user) throws Exception {
        return slash("status", user);
    }

    Sent slash(String text, String user) throws Exception {
        String path = "/respond/" + responses.incrementAndGet();
        long sent = System.nanoTime();
        HttpResponse<String> ack = send(slack.signed(SlackRequests.slashCommandBody(text, user, CHANNEL, responseUrl(path))));
        return new Sent(ack, path, sent);
    }

    /** Sends {@code /dr status} without waiting for the acknowledgement, for a crowd. */
    java.util.concurrent.CompletableFuture<Sent> statusAsync(String user) {
        String path = "/respond/" + responses.incrementAndGet();
        long sent = System.nanoTime();
        return http.sendAsync(slack.signed(SlackRequests.slashCommandBody("status", user, CHANNEL, responseUrl(path))),
                HttpResponse.BodyHandlers.ofString()).thenApply(ack -> new Sent(ack, path, sent));
    }

    /** Clicks a button (a signed {@code block_actions} payload) as {@code user}. */
    Sent click(String actionId, String value, String user) throws Exception {
        String path = "/respond/" + responses.incrementAndGet();
        long sent = System.nanoTime();
        HttpResponse<String> ack = send(slack.signed(SlackRequests.buttonClickBody(actionId, value, user, CHANNEL, responseUrl(path))));
        return new Sent(ack, path, sent);
    }

    /** Waits for Lifeboat's one answer to {@code sent} through its response URL. */
    JsonNode answer(Sent sent) throws Exception {
        assertEquals(200, sent.ack().statusCode(), "Slack's request was acknowledged");
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> posts = wire.findAll(postRequestedFor(urlPathEqualTo(sent.responsePath())));
            if (!posts.isEmpty()) {
                assertEquals(1, posts.size(), "one answer per request");
                return JSON.readTree(posts.get(0).getBodyAsString());
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no answer through " + sent.responsePath() + " within 10 s");
    }

    private String responseUrl(String path) {
        return "http://127.0.0.1:" + wire.port() + path;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + wire.port();
    }

    /** A fixture with its times made relative to now: {@code {{ago:P2D}}} is an ISO-8601 instant two days ago. */
    static String fixture(String path) {
        return render(Fixtures.read(path), Map.of());
    }

    /**
     * Fills {@code {{name}}} from {@code vars}, {@code {{ago:DURATION}}} with an ISO-8601 instant that long ago and
     * {@code {{data-ago:DURATION}}} with the same in the data API's format ({@code 2026-11-27 02:03:11 +0000}).
     */
    static String render(String template, Map<String, String> vars) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "ago" -> now.minus(Duration.parse(m.group(2))).toString();
                case "data-ago" -> DATA_API_TIME.format(now.minus(Duration.parse(m.group(2))).atOffset(ZoneOffset.UTC));
                default -> {
                    String v = vars.get(m.group(1));
                    if (v == null) {
                        throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
                    }
                    yield v;
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        try {
            lifeboat.close();
        } finally {
            s3.close();
            wire.stop();
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- reading an answer -------------------------------------------------------------------------------

    /** The message's text and every block's text, one per line, as a person reads it. */
    static String allText(JsonNode message) {
        return SlackEndToEndTest.allText(message);
    }

    /** The text of the section block whose heading names {@code name} ("App", "Database", …). */
    static String section(JsonNode message, String name) {
        for (JsonNode block : message.path("blocks")) {
            String text = block.path("text").path("text").asText();
            if (block.path("type").asText().equals("section") && text.matches("(?s):[a-z_]+: \\*" + Pattern.quote(name) + "( \\([^)]*\\))?\\* — .*")) {
                return text;
            }
        }
        throw new AssertionError("no section " + name + " in\n" + allText(message));
    }

    /** The first block: the verdict and, when something is wrong, the diagnosis. */
    static String verdict(JsonNode message) {
        return message.path("blocks").path(0).path("text").path("text").asText();
    }

    /** Every button as {@code label → value}, in order. */
    static List<String> buttons(JsonNode message) {
        List<String> out = new ArrayList<>();
        for (JsonNode block : message.path("blocks")) {
            if (block.path("type").asText().equals("actions")) {
                for (JsonNode element : block.path("elements")) {
                    out.add(element.path("text").path("text").asText() + " → " + element.path("value").asText()
                            + (element.has("style") ? " (" + element.path("style").asText() + ")" : ""));
                }
            }
        }
        return out;
    }

    /**
     * Asserts a section's lines one by one; {@code {*}} in an expected line matches anything (a latency, an age that
     * depends on the clock).
     */
    static void assertLines(String actual, String... expected) {
        String[] lines = actual.split("\n", -1);
        assertEquals(expected.length, lines.length, "line count of\n" + actual);
        for (int i = 0; i < expected.length; i++) {
            String regex = java.util.Arrays.stream(expected[i].split("\\{\\*}", -1)).map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining(".*"));
            assertTrue(lines[i].matches(regex), "line " + (i + 1) + "\nexpected: " + expected[i] + "\n  actual: "
                    + lines[i] + "\nin\n" + actual);
        }
    }
}
