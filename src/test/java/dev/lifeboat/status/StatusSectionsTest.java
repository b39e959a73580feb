package dev.lifeboat.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferSchedule;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatus.Level;
import dev.lifeboat.s3.OffsiteCopy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each section says and how healthy it is, one row per fact a person reads: the world (one fact changed from a
 * healthy one), the section, its health and its lines ({@code {*}} matches anything).
 */
class StatusSectionsTest {
    static final String APP_CHECK = "Health check <https://app.example.com/up|https://app.example.com/up> → ";
    static final String DYNOS_OK = "Dynos: `web` 2/2 up, `worker` 1/1 up";
    static final String RELEASE = "Release *v8* 3 h ago by bob@lifeboat.demo — Deploy e57f0b3";
    static final String ADDON = "Heroku Postgres `heroku-postgresql:standard-0` (postgresql-91588-demo)";
    static final String NEWEST = "Newest backup *a012* finished 2026-11-27 02:03 UTC (6 h 56 min ago), 90.00 MB";
    static final String SCHEDULE = "Backups scheduled daily at 02:00 UTC";
    static final String COPY = "Newest offsite copy `pg-backups/lifeboat-demo/a012.dump` 6 h 40 min ago, 90.00 MB";
    static final String MATCH = "It matches the newest backup *a012*: size matches, no checksum recorded";
    static final String PUBLISHED = "Published deploy `6b07f510` (ready) 23 h 59 min ago — Fix footer links on pricing page";
    static final String SITE_CHECK = "Site <https://www.example.com/|https://www.example.com/> → ";
    static final String HEROKU_GREEN = "*Heroku*: Apps green, Data green, Tools green";

    record Row(String name, Consumer<FactsBuilder> world, String section, Health health, List<String> lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Arguments row(String name, Consumer<FactsBuilder> world, String section, Health health, String... lines) {
        return Arguments.of(new Row(name, world, section, health, List.of(lines)));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("healthy app", f -> { }, "App", Health.OK, "Maintenance mode off", DYNOS_OK, RELEASE, APP_CHECK + "200 in 87 ms"),
                row("maintenance on", f -> f.app = Fetched.of(f.heroku.setMaintenance(FactsBuilder.APP, true)), "App", Health.WARNING,
                        ":construction: *Maintenance mode is on*: Heroku answers 503 to every visitor", DYNOS_OK, RELEASE,
                        APP_CHECK + "200 in 87 ms"),
                row("web crashed, the app still answers", f -> f.dynos = Fetched.of(StatusRulesTest.crashed(f, "web")), "App",
                        Health.WARNING, "Maintenance mode off", "Dynos: `web` 0/2 up (2 crashed), `worker` 1/1 up", RELEASE,
                        APP_CHECK + "200 in 87 ms"),
                row("web crashed, no health check", f -> {
                    f.dynos = Fetched.of(StatusRulesTest.crashed(f, "web"));
                    f.appProbe = Fetched.notConfigured("not configured (set APP_URL)");
                }, "App", Health.DOWN, "Maintenance mode off", "Dynos: `web` 0/2 up (2 crashed), `worker` 1/1 up", RELEASE,
                        "Health check: _not configured (set APP_URL)_"),
                row("a worker crashed", f -> f.dynos = Fetched.of(StatusRulesTest.crashed(f, "worker")), "App", Health.WARNING,
                        "Maintenance mode off", "Dynos: `web` 2/2 up, `worker` 0/1 up (1 crashed)", RELEASE, APP_CHECK + "200 in 87 ms"),
                row("a web dyno starting, one up", f -> f.dynos = Fetched.of(states(f, DynoState.STARTING, DynoState.UP)), "App",
                        Health.OK, "Maintenance mode off", "Dynos: `web` 1/2 up (1 starting), `worker` 1/1 up", RELEASE,
                        APP_CHECK + "200 in 87 ms"),
                row("web dynos idle count as up", f -> f.dynos = Fetched.of(states(f, DynoState.IDLE, DynoState.IDLE)), "App",
                        Health.OK, "Maintenance mode off", "Dynos: `web` 2/2 up, `worker` 1/1 up", RELEASE, APP_CHECK + "200 in 87 ms"),
                row("web dynos down, none crashed", f -> {
                    f.dynos = Fetched.of(states(f, DynoState.DOWN, DynoState.STARTING));
                    f.appProbe = Fetched.notConfigured("not configured (set APP_URL)");
                }, "App", Health.DOWN, "Maintenance mode off", "Dynos: `web` 0/2 up (1 down, 1 starting), `worker` 1/1 up", RELEASE,
                        "Health check: _not configured (set APP_URL)_"),
                row("no dynos", f -> f.dynos = Fetched.of(List.of()), "App", Health.WARNING, "Maintenance mode off",
                        "Dynos: none running (scaled to zero, or eco dynos asleep?)", RELEASE, APP_CHECK + "200 in 87 ms"),
                row("a probe at 2000 ms is not slow", f -> f.appProbe = Fetched.of(StatusRulesTest.slow(StatusRulesTest.APP_URL, 2_000)),
                        "App", Health.OK, "Maintenance mode off", DYNOS_OK, RELEASE, APP_CHECK + "200 in 2000 ms"),
                row("a probe at 2001 ms is slow", f -> f.appProbe = Fetched.of(StatusRulesTest.slow(StatusRulesTest.APP_URL, 2_001)),
                        "App", Health.WARNING, "Maintenance mode off", DYNOS_OK, RELEASE, APP_CHECK + "200 in 2001 ms"),
                row("the app answers 503", f -> f.appProbe = Fetched.of(FactsBuilder.probe(StatusRulesTest.APP_URL, 503)),
                        "App", Health.DOWN, "Maintenance mode off", DYNOS_OK, RELEASE, APP_CHECK + "503 in 87 ms"),
                row("a release description is escaped and cut", f -> f.releases = Fetched.of(describeCurrent(f,
                        "Deploy <script> & " + "x".repeat(200))), "App", Health.OK, "Maintenance mode off", DYNOS_OK,
                        "Release *v8* 3 h ago by bob@lifeboat.demo — Deploy &lt;script&gt; &amp; " + "x".repeat(101) + "…",
                        APP_CHECK + "200 in 87 ms"),
                row("the app unknown", f -> f.app = StatusRulesTest.rateLimited("Heroku"), "App", Health.UNKNOWN,
                        "Heroku app: :grey_question: Heroku rate limited (retry in 5 s)", DYNOS_OK, RELEASE, APP_CHECK + "200 in 87 ms"),

                row("healthy database", f -> { }, "Database", Health.OK, ADDON, NEWEST, SCHEDULE, COPY, MATCH),
                row("no Postgres add-on", f -> f.addon = Fetched.of(Optional.empty()), "Database", Health.WARNING,
                        "No Heroku Postgres add-on on lifeboat-demo", NEWEST, SCHEDULE, COPY, MATCH),
                row("the newest backup older than the maximum age", f -> f.maxAge = Duration.ofHours(6), "Database", Health.WARNING,
                        ADDON, ":warning: " + NEWEST + " — older than 6 h (LIFEBOAT_BACKUP_MAX_AGE_HOURS)", SCHEDULE, COPY, MATCH),
                row("a backup exactly the maximum age is not stale", f -> f.maxAge = ageOfNewest(f), "Database", Health.OK,
                        ADDON, NEWEST, SCHEDULE, COPY, MATCH),
                row("no successful backup", f -> f.transfers = Fetched.of(List.of()), "Database", Health.WARNING,
                        ADDON, ":warning: No successful backup on Heroku", SCHEDULE, COPY),
                row("the latest backup failed", f -> f.transfers = Fetched.of(plus(f, failedBackup(13))), "Database", Health.WARNING,
                        ADDON, NEWEST, ":x: Latest backup *b013* failed 1 h ago", SCHEDULE, COPY, MATCH),
                row("a backup in progress", f -> f.transfers = Fetched.of(plus(f, runningBackup(14))), "Database", Health.OK,
                        ADDON, NEWEST, ":hourglass_flowing_sand: Backup *b014* running: 10.00 MB (10% of 100.00 MB)", SCHEDULE, COPY, MATCH),
                row("no schedule", f -> f.schedules = Fetched.of(List.of()), "Database", Health.WARNING,
                        ADDON, NEWEST, ":warning: No backup schedule (`heroku pg:backups:schedule`)", COPY, MATCH),
                row("a schedule in another time zone", f -> f.schedules = Fetched.of(List.of(new TransferSchedule("s1", "DATABASE_URL",
                        7, List.of(), "Europe/Berlin", 4, null))), "Database", Health.OK,
                        ADDON, NEWEST, "Backups scheduled daily at 07:00 Europe/Berlin", COPY, MATCH),
                row("no offsite copy", f -> f.copies = Fetched.of(List.of()), "Database", Health.WARNING,
                        ADDON, NEWEST, SCHEDULE, ":warning: No offsite copy in S3"),
                row("the newest backup without a copy", f -> f.copies = Fetched.of(List.of(copy("a011.dump", 90_000_000L))),
                        "Database", Health.WARNING, ADDON, NEWEST, SCHEDULE,
                        "Newest offsite copy `pg-backups/lifeboat-demo/a011.dump` 30 h ago, 85.83 MB",
                        ":warning: Newest backup *a012* has no offsite copy"),
                row("an offsite copy of the wrong size", f -> f.copies = Fetched.of(List.of(copy("a012.dump", 1_000L))),
                        "Database", Health.WARNING, ADDON, NEWEST, SCHEDULE,
                        "Newest offsite copy `pg-backups/lifeboat-demo/a012.dump` 30 h ago, 1000 B",
                        ":warning: The offsite copy of *a012* is 1000 B, the backup 90.00 MB"),
                row("an unconfigured schedule is left out", f -> f.schedules = Fetched.notConfigured("no Postgres add-on"),
                        "Database", Health.OK, ADDON, NEWEST, COPY, MATCH),
                row("backups unknown", f -> f.transfers = Fetched.timedOut(Duration.ofSeconds(4)), "Database", Health.UNKNOWN,
                        ADDON, "Backups: :grey_question: no answer within 4 s", SCHEDULE, COPY),

                row("healthy website", f -> { }, "Website", Health.OK, PUBLISHED, SITE_CHECK + "200 in 87 ms"),
                row("a newer deploy failed", f -> f.deploys = Fetched.of(StatusRulesTest.withFailedDeploy(f)), "Website", Health.WARNING,
                        PUBLISHED, ":x: 1 newer deploy failed; latest `66f00000` 5 min ago — Break the build: Build script "
                                + "returned non-zero exit code: 2", SITE_CHECK + "200 in 87 ms"),
                row("the site answers 404", f -> f.siteProbe = Fetched.of(FactsBuilder.probe(StatusRulesTest.SITE_URL, 404)),
                        "Website", Health.DOWN, PUBLISHED, SITE_CHECK + "404 in 87 ms"),
                row("the site slow", f -> f.siteProbe = Fetched.of(StatusRulesTest.slow(StatusRulesTest.SITE_URL, 2_500)),
                        "Website", Health.WARNING, PUBLISHED, SITE_CHECK + "200 in 2500 ms"),
                row("Netlify's deploys unknown", f -> f.deploys = Fetched.timedOut(Duration.ofSeconds(4)), "Website", Health.UNKNOWN,
                        "Netlify: :grey_question: no answer within 4 s", SITE_CHECK + "200 in 87 ms"),

                row("green platforms", f -> { }, "Platforms", Health.OK, HEROKU_GREEN, "*Netlify*: All Systems Operational"),
                row("a Heroku Apps outage", f -> f.herokuStatus = Fetched.of(FactsBuilder.herokuAppsIncident(1)), "Platforms",
                        Health.DOWN, "*Heroku*: Apps red, Data green, Tools green",
                        "• <https://status.heroku.com/incidents/2800|Elevated H12 timeouts in the Common Runtime #0> _(issue)_",
                        "*Netlify*: All Systems Operational"),
                row("Netlify degraded", f -> f.netlifyStatus = Fetched.of(StatusRulesTest.netlifyIncident()), "Platforms",
                        Health.WARNING, HEROKU_GREEN, "*Netlify*: Partially Degraded Service",
                        "• <https://www.netlifystatus.com/incidents/x1|Build delays> _(investigating)_"),
                row("an incident while operational is a warning", f -> f.netlifyStatus = Fetched.of(new PlatformStatus("Netlify",
                        Level.OPERATIONAL, "All Systems Operational", List.of(), List.of(new PlatformStatus.Incident(
                        "Scheduled <maintenance>", "scheduled", null, FactsBuilder.NOW)), "https://www.netlifystatus.com")),
                        "Platforms", Health.WARNING, HEROKU_GREEN, "*Netlify*: All Systems Operational",
                        "• Scheduled &lt;maintenance&gt; _(scheduled)_"),
                row("five incidents are all shown", f -> f.herokuStatus = Fetched.of(FactsBuilder.herokuAppsIncident(5)), "Platforms",
                        Health.DOWN, "*Heroku*: Apps red, Data green, Tools green", "{*}#0> _(issue)_", "{*}#1> _(issue)_",
                        "{*}#2> _(issue)_", "{*}#3> _(issue)_", "{*}#4> _(issue)_", "*Netlify*: All Systems Operational"),
                row("a sixth incident is counted", f -> f.herokuStatus = Fetched.of(FactsBuilder.herokuAppsIncident(6)), "Platforms",
                        Health.DOWN, "*Heroku*: Apps red, Data green, Tools green", "{*}#0> _(issue)_", "{*}#1> _(issue)_",
                        "{*}#2> _(issue)_", "{*}#3> _(issue)_", "{*}#4> _(issue)_",
                        "• … and 1 more open incidents on <https://status.heroku.com|the status page>",
                        "*Netlify*: All Systems Operational"),
                row("a status page unknown", f -> f.herokuStatus = StatusRulesTest.rateLimited("Heroku status"), "Platforms",
                        Health.UNKNOWN, "Heroku: :grey_question: Heroku status rate limited (retry in 5 s)",
                        "*Netlify*: All Systems Operational")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachSection(Row row) {
        FactsBuilder facts = new FactsBuilder();
        row.world().accept(facts);

        StatusReport report = StatusAnalysis.analyse(facts.build(), name -> true);

        Section section = report.sections().stream().filter(s -> s.name().startsWith(row.section())).findFirst().orElseThrow();
        List<String> lines = section.facts().stream().flatMap(String::lines).toList();
        String shown = String.join("\n", lines);
        assertEquals(row.lines().size(), lines.size(), "lines of\n" + shown);
        for (int i = 0; i < lines.size(); i++) {
            String regex = Arrays.stream(row.lines().get(i).split("\\{\\*}", -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".*"));
            String line = lines.get(i);
            assertTrue(line.matches(regex), "line " + (i + 1) + "\nexpected: " + row.lines().get(i) + "\n  actual: " + line);
        }
        assertEquals(row.health(), section.health(), shown);
    }

    static List<Dyno> states(FactsBuilder f, DynoState first, DynoState second) {
        List<Dyno> out = new ArrayList<>();
        int web = 0;
        for (Dyno d : f.heroku.dynos(FactsBuilder.APP)) {
            DynoState state = !d.type().equals("web") ? d.state() : web++ == 0 ? first : second;
            out.add(new Dyno(d.id(), d.name(), d.type(), state, d.size(), d.command(), d.release(), d.createdAt(), d.updatedAt()));
        }
        return out;
    }

    static List<Release> describeCurrent(FactsBuilder f, String description) {
        return f.heroku.releases(FactsBuilder.APP, 10).stream()
                .map(r -> r.current() ? new Release(r.id(), r.version(), r.status(), description, r.user(), true,
                        r.eligibleForRollback(), r.createdAt(), r.updatedAt(), r.addonPlanNames(), r.outputStreamUrl()) : r)
                .toList();
    }

    static Duration ageOfNewest(FactsBuilder f) {
        Instant finished = f.transfers.value().orElseThrow().stream().filter(t -> t.num() == 12).findFirst().orElseThrow().finishedAt();
        return Duration.between(finished, FactsBuilder.NOW);
    }

    static List<Transfer> plus(FactsBuilder f, Transfer t) {
        List<Transfer> out = new ArrayList<>(f.transfers.value().orElseThrow());
        out.add(t);
        return out;
    }

    static Transfer failedBackup(long num) {
        Instant started = FactsBuilder.NOW.minus(Duration.ofMinutes(70));
        return new Transfer("f-" + num, num, "DATABASE", "pg_dump", "BACKUP", "gof3r", null, 100L * 1_048_576, 0, false, 0,
                started, started, FactsBuilder.NOW.minus(Duration.ofHours(1)), null, null, null, List.of());
    }

    static Transfer runningBackup(long num) {
        Instant started = FactsBuilder.NOW.minus(Duration.ofMinutes(2));
        return new Transfer("r-" + num, num, "DATABASE", "pg_dump", "BACKUP", "gof3r", null, 100L * 1_048_576, 10L * 1_048_576,
                false, 0, started, started, null, null, null, null, List.of());
    }

    static OffsiteCopy copy(String name, long size) {
        return new OffsiteCopy("pg-backups/lifeboat-demo/" + name, size, FactsBuilder.NOW.minus(Duration.ofHours(30)),
                Optional.empty());
    }

    static URI uri(String s) {
        return URI.create(s);
    }
}
