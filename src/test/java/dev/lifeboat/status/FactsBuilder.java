package dev.lifeboat.status;

import dev.lifeboat.demo.DemoHeroku;
import dev.lifeboat.demo.DemoNetlify;
import dev.lifeboat.demo.DemoPgBackups;
import dev.lifeboat.demo.DemoS3;
import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.offsite.CopyRecord;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferSchedule;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatus.Level;
import dev.lifeboat.platformstatus.PlatformStatus.SystemStatus;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.s3.OffsiteCopy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Realistic facts for the analysis, read from the demo world at a fixed time, then changed one fact at a time. */
final class FactsBuilder {
    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    static final String APP = "lifeboat-demo";

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final DemoHeroku heroku = new DemoHeroku(clock);
    final DemoPgBackups backups = new DemoPgBackups(clock);
    final DemoNetlify netlify = new DemoNetlify(clock);
    final DemoS3 s3 = new DemoS3(clock);

    Fetched<HerokuApp> app = Fetched.of(heroku.app(APP));
    Fetched<List<Dyno>> dynos = Fetched.of(heroku.dynos(APP));
    Fetched<List<Release>> releases = Fetched.of(heroku.releases(APP, 10));
    Fetched<ProbeResult> appProbe = Fetched.of(probe("https://app.example.com/up", 200));
    Fetched<Optional<PostgresAddon>> addon = Fetched.of(heroku.postgresAddon(APP));
    Fetched<List<Transfer>> transfers = Fetched.of(backups.transfers(APP));
    Fetched<List<TransferSchedule>> schedules = Fetched.of(backups.schedules(heroku.postgresAddon(APP).orElseThrow().id()));
    Fetched<List<OffsiteCopy>> copies = Fetched.of(s3.list(DemoS3.SEED_PREFIX));
    Fetched<List<CopyRecord>> copyRecords = Fetched.of(List.of());
    Fetched<Site> site = Fetched.of(netlify.site());
    Fetched<List<Deploy>> deploys = Fetched.of(netlify.deploys(20));
    Fetched<ProbeResult> siteProbe = Fetched.of(probe("https://www.example.com/", 200));
    Fetched<PlatformStatus> herokuStatus = Fetched.of(herokuGreen());
    Fetched<PlatformStatus> netlifyStatus = Fetched.of(new PlatformStatus("Netlify", Level.OPERATIONAL,
            "All Systems Operational", List.of(), List.of(), "https://www.netlifystatus.com"));
    Duration maxAge = Duration.ofHours(26);

    static ProbeResult probe(String url, int status) {
        return new ProbeResult(URI.create(url), status < 400 ? ProbeResult.Outcome.UP : ProbeResult.Outcome.HTTP_ERROR,
                Optional.of(status), Duration.ofMillis(87), 0, URI.create(url), "");
    }

    static PlatformStatus herokuGreen() {
        return new PlatformStatus("Heroku", Level.OPERATIONAL, "All systems green", List.of(
                new SystemStatus("Apps", Level.OPERATIONAL, "green"), new SystemStatus("Data", Level.OPERATIONAL, "green"),
                new SystemStatus("Tools", Level.OPERATIONAL, "green")), List.of(), "https://status.heroku.com");
    }

    static PlatformStatus herokuAppsIncident(int incidents) {
        List<PlatformStatus.Incident> list = new java.util.ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            list.add(new PlatformStatus.Incident("Elevated H12 timeouts in the Common Runtime #" + i, "issue",
                    "https://status.heroku.com/incidents/" + (2800 + i), NOW.minusSeconds(60L * i)));
        }
        return new PlatformStatus("Heroku", Level.OUTAGE, "Apps red", List.of(
                new SystemStatus("Apps", Level.OUTAGE, "red"), new SystemStatus("Data", Level.OPERATIONAL, "green"),
                new SystemStatus("Tools", Level.OPERATIONAL, "green")), list, "https://status.heroku.com");
    }

    StatusFacts build() {
        return new StatusFacts(NOW, Duration.ofSeconds(4), Optional.of(APP), app, dynos, releases, appProbe, addon,
                transfers, schedules, copies, copyRecords, site, deploys, siteProbe, herokuStatus, netlifyStatus, maxAge);
    }
}
