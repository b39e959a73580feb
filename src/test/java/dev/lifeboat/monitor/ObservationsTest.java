package dev.lifeboat.monitor;

import static dev.lifeboat.monitor.MonitorFacts.APP_URL;
import static dev.lifeboat.monitor.MonitorFacts.SITE_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.monitor.Observation.Kind;
import dev.lifeboat.probe.ProbeResult.Outcome;
import dev.lifeboat.status.Fetched;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a round's facts count as for each service, one row per rule: only observed failures count; a check that did
 * not complete, or a probe that got no answer while nothing else answered either, is unknown.
 */
class ObservationsTest {
    record Row(String name, Consumer<MonitorFacts> world, Kind app, Kind site, String appWhat) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Arguments row(String name, Consumer<MonitorFacts> world, Kind app, Kind site, String appWhat) {
        return Arguments.of(new Row(name, world, app, site, appWhat));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("both answer", f -> { }, Kind.SUCCESS, Kind.SUCCESS, "Health check " + APP_URL + " → 200 in 87 ms"),
                row("the app answers 503", f -> f.appProbe = Fetched.of(MonitorFacts.probe(APP_URL, 503)),
                        Kind.FAILURE, Kind.SUCCESS, "Health check " + APP_URL + " → 503 in 87 ms"),
                row("the site answers 502", f -> f.siteProbe = Fetched.of(MonitorFacts.probe(SITE_URL, 502)),
                        Kind.SUCCESS, Kind.FAILURE, "Health check"),
                row("the app refuses connections while the rest answers", f -> f.appProbe = Fetched.of(
                        MonitorFacts.failed(APP_URL, Outcome.CONNECT_FAILURE, "connection refused")),
                        Kind.FAILURE, Kind.SUCCESS, "Health check " + APP_URL + " → connection refused"),
                row("the app's health check cancelled by the round's end", f -> f.appProbe = MonitorFacts.cancelled(),
                        Kind.UNKNOWN, Kind.SUCCESS, "Health check: cancelled: status round ended"),
                row("the app's check could not complete, but every web dyno crashed", f -> {
                    f.appProbe = MonitorFacts.cancelled();
                    f.dynos = Fetched.of(f.webCrashed());
                }, Kind.FAILURE, Kind.SUCCESS, "No web dyno is up (2 crashed); health check: cancelled: status round ended"),
                row("every web dyno crashed and no health check configured", f -> {
                    f.appProbe = Fetched.notConfigured("not configured (set APP_URL)");
                    f.dynos = Fetched.of(f.webCrashed());
                }, Kind.FAILURE, Kind.SUCCESS, "No web dyno is up (2 crashed)"),
                row("web dynos up and no health check configured", f -> f.appProbe = Fetched.notConfigured("not configured (set APP_URL)"),
                        Kind.SUCCESS, Kind.SUCCESS, "2/2 web dynos up (no health check configured)"),
                row("the health check answers although every web dyno is listed as crashed", f -> f.dynos = Fetched.of(f.webCrashed()),
                        Kind.SUCCESS, Kind.SUCCESS, "Health check"),
                row("the app's check unknown and the dynos rate limited", f -> {
                    f.appProbe = MonitorFacts.cancelled();
                    f.dynos = MonitorFacts.rateLimited("Heroku");
                }, Kind.UNKNOWN, Kind.SUCCESS, "Health check: cancelled: status round ended; dynos: Heroku rate limited (retry in 5 s)"),
                row("nothing about the app configured", f -> {
                    f.appProbe = Fetched.notConfigured("not configured (set APP_URL)");
                    f.dynos = Fetched.notConfigured("not configured (set HEROKU_API_KEY and HEROKU_APP)");
                }, Kind.NOT_MONITORED, Kind.SUCCESS, "not configured"),
                row("the site not configured", f -> f.siteProbe = Fetched.notConfigured("not configured (set SITE_URL or NETLIFY_SITE_ID)"),
                        Kind.SUCCESS, Kind.NOT_MONITORED, "Health check"),
                row("the site's check timed out in the round", f -> f.siteProbe = Fetched.timedOut(java.time.Duration.ofSeconds(4)),
                        Kind.SUCCESS, Kind.UNKNOWN, "Health check"),
                row("a platform incident alone is no failure of ours", f -> {
                    f.herokuStatus = Fetched.of(MonitorFacts.herokuAppsIncident());
                    f.netlifyStatus = Fetched.of(MonitorFacts.netlifyIncident());
                }, Kind.SUCCESS, Kind.SUCCESS, "Health check"),
                row("Lifeboat cut off: no probe answered and no API either", f -> {
                    f.appProbe = Fetched.of(MonitorFacts.failed(APP_URL, Outcome.DNS_FAILURE, "unknown host"));
                    f.siteProbe = Fetched.of(MonitorFacts.failed(SITE_URL, Outcome.CONNECT_FAILURE, "connection timed out"));
                    f.app = MonitorFacts.unreachable("Heroku");
                    f.dynos = MonitorFacts.unreachable("Heroku");
                    f.releases = MonitorFacts.unreachable("Heroku");
                    f.addon = MonitorFacts.unreachable("Heroku");
                    f.transfers = MonitorFacts.unreachable("Heroku Postgres");
                    f.schedules = MonitorFacts.unreachable("Heroku Postgres");
                    f.copies = MonitorFacts.unreachable("S3");
                    f.site = MonitorFacts.unreachable("Netlify");
                    f.deploys = MonitorFacts.unreachable("Netlify");
                    f.herokuStatus = MonitorFacts.unreachable("Heroku status");
                    f.netlifyStatus = MonitorFacts.cancelled();
                }, Kind.UNKNOWN, Kind.UNKNOWN, "nothing else answered this round either, so Lifeboat's own network may be the trouble"),
                row("no answer from the app while Heroku's status page answers: the app's failure", f -> {
                    f.appProbe = Fetched.of(MonitorFacts.failed(APP_URL, Outcome.TIMEOUT, "timed out"));
                    f.siteProbe = Fetched.of(MonitorFacts.failed(SITE_URL, Outcome.TIMEOUT, "timed out"));
                    f.app = MonitorFacts.unreachable("Heroku");
                    f.dynos = MonitorFacts.unreachable("Heroku");
                    f.releases = MonitorFacts.unreachable("Heroku");
                    f.addon = MonitorFacts.unreachable("Heroku");
                    f.transfers = MonitorFacts.unreachable("Heroku Postgres");
                    f.schedules = MonitorFacts.unreachable("Heroku Postgres");
                    f.copies = MonitorFacts.unreachable("S3");
                    f.site = MonitorFacts.unreachable("Netlify");
                    f.deploys = MonitorFacts.unreachable("Netlify");
                    f.netlifyStatus = MonitorFacts.cancelled();
                }, Kind.FAILURE, Kind.FAILURE, "Health check " + APP_URL + " → timed out after 30 ms"),
                row("an HTTP error is an answer even when nothing else answered", f -> {
                    f.appProbe = Fetched.of(MonitorFacts.probe(APP_URL, 503));
                    f.siteProbe = Fetched.of(MonitorFacts.failed(SITE_URL, Outcome.CONNECT_FAILURE, "connection refused"));
                    f.herokuStatus = MonitorFacts.unreachable("Heroku status");
                    f.netlifyStatus = MonitorFacts.unreachable("Netlify status");
                }, Kind.FAILURE, Kind.FAILURE, "Health check " + APP_URL + " → 503 in 87 ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rule(Row row) {
        MonitorFacts facts = new MonitorFacts();
        row.world().accept(facts);

        var seen = Observations.read(facts.build());

        assertEquals(row.app(), seen.get(Service.APP).kind(), "app: " + seen.get(Service.APP));
        assertEquals(row.site(), seen.get(Service.SITE).kind(), "site: " + seen.get(Service.SITE));
        assertTrue(seen.get(Service.APP).what().contains(row.appWhat()), seen.get(Service.APP).what());
    }
}
