package dev.lifeboat.monitor;

import dev.lifeboat.demo.DemoHeroku;
import dev.lifeboat.demo.DemoNetlify;
import dev.lifeboat.demo.DemoPgBackups;
import dev.lifeboat.demo.DemoS3;
import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferSchedule;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatus.Level;
import dev.lifeboat.platformstatus.PlatformStatus.SystemStatus;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusFacts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** A round's facts for the monitor's tests: the demo world, all green, then changed one fact at a time. */
final class MonitorFacts {
    static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z");
    static final String APP = "lifeboat-demo";
    static final String APP_URL = "https://app.example.com/up";
    static final String SITE_URL = "https://www.example.com/";

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final DemoHeroku heroku = new DemoHeroku(clock);
    final DemoPgBackups backups = new DemoPgBackups(clock);
    final DemoNetlify netlify = new DemoNetlify(clock);
    final DemoS3 s3 = new DemoS3(clock);

    Fetched<HerokuApp> app = Fetched.of(heroku.app(APP));
    Fetched<List<Dyno>> dynos = Fetched.of(heroku.dynos(APP));
    Fetched<List<Release>> releases = Fetched.of(heroku.releases(APP, 10));
    Fetched<ProbeResult> appProbe = Fetched.of(probe(APP_URL, 200));
    Fetched<Optional<PostgresAddon>> addon = Fetched.of(heroku.postgresAddon(APP));
    Fetched<List<Transfer>> transfers = Fetched.of(backups.transfers(APP));
    Fetched<List<TransferSchedule>> schedules = Fetched.of(backups.schedules(heroku.postgresAddon(APP).orElseThrow().id()));
    Fetched<List<OffsiteCopy>> copies = Fetched.of(s3.list(DemoS3.SEED_PREFIX));
    Fetched<Site> site = Fetched.of(netlify.site());
    Fetched<List<Deploy>> deploys = Fetched.of(netlify.deploys(20));
    Fetched<ProbeResult> siteProbe = Fetched.of(probe(SITE_URL, 200));
    Fetched<PlatformStatus> herokuStatus = Fetched.of(herokuGreen());
    Fetched<PlatformStatus> netlifyStatus = Fetched.of(netlifyGreen());

    StatusFacts build() {
        return build(NOW);
    }

    StatusFacts build(Instant asOf) {
        return new StatusFacts(asOf, Duration.ofSeconds(4), Optional.of(APP), app, dynos, releases, appProbe, addon,
                transfers, schedules, copies, Fetched.notConfigured("no state store"), site, deploys, siteProbe, herokuStatus,
                netlifyStatus, Duration.ofHours(26));
    }

    static ProbeResult probe(String url, int status) {
        return new ProbeResult(URI.create(url), status < 400 ? ProbeResult.Outcome.UP : ProbeResult.Outcome.HTTP_ERROR,
                Optional.of(status), Duration.ofMillis(87), 0, URI.create(url), "");
    }

    static ProbeResult failed(String url, ProbeResult.Outcome outcome, String detail) {
        return new ProbeResult(URI.create(url), outcome, Optional.empty(), Duration.ofMillis(30), 0, URI.create(url), detail);
    }

    static <T> Fetched<T> rateLimited(String system) {
        return Fetched.failed(new UpstreamException(system, Failure.RATE_LIMITED, 429, Duration.ofSeconds(5),
                system + " rate limit", null));
    }

    static <T> Fetched<T> unreachable(String system) {
        return Fetched.failed(new UpstreamException(system, Failure.UNREACHABLE, 0, null, system + " could not be reached",
                null));
    }

    static <T> Fetched<T> cancelled() {
        return Fetched.unknown(Fetched.Gap.TIMED_OUT, "cancelled: status round ended");
    }

    List<Dyno> webCrashed() {
        return heroku.dynos(APP).stream()
                .map(d -> d.type().equals("web") ? new Dyno(d.id(), d.name(), d.type(), DynoState.CRASHED, d.size(),
                        d.command(), d.release(), d.createdAt(), d.updatedAt()) : d)
                .toList();
    }

    static PlatformStatus herokuGreen() {
        return new PlatformStatus("Heroku", Level.OPERATIONAL, "All systems green", List.of(
                new SystemStatus("Apps", Level.OPERATIONAL, "green"), new SystemStatus("Data", Level.OPERATIONAL, "green"),
                new SystemStatus("Tools", Level.OPERATIONAL, "green")), List.of(), "https://status.heroku.com");
    }

    static PlatformStatus herokuAppsIncident() {
        return new PlatformStatus("Heroku", Level.OUTAGE, "Apps red", List.of(
                new SystemStatus("Apps", Level.OUTAGE, "red"), new SystemStatus("Data", Level.OPERATIONAL, "green"),
                new SystemStatus("Tools", Level.OPERATIONAL, "green")),
                List.of(new PlatformStatus.Incident("Elevated H12 timeouts in the Common Runtime", "issue",
                        "https://status.heroku.com/incidents/2800", NOW.minusSeconds(600))), "https://status.heroku.com");
    }

    static PlatformStatus netlifyGreen() {
        return new PlatformStatus("Netlify", Level.OPERATIONAL, "All Systems Operational", List.of(), List.of(),
                "https://www.netlifystatus.com");
    }

    static PlatformStatus netlifyIncident() {
        return new PlatformStatus("Netlify", Level.DEGRADED, "Partially Degraded Service", List.of(),
                List.of(new PlatformStatus.Incident("CDN errors in Europe", "investigating",
                        "https://www.netlifystatus.com/incidents/x1", NOW.minusSeconds(600))), "https://www.netlifystatus.com");
    }
}
