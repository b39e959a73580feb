package dev.lifeboat.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.DeployState;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatus.Level;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.probe.ProbeResult.Outcome;
import dev.lifeboat.status.StatusReport.NextStep;
import dev.lifeboat.status.StatusReport.Verdict;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every verdict and diagnosis rule of the status analysis, one row each: the world (one or two facts changed from a
 * healthy one), then the verdict, the start of the diagnosis, the next steps and the facts the verdict had to do
 * without. A rule that is wrong fails its row.
 */
class StatusRulesTest {
    static final String APP_URL = "https://app.example.com/up";
    static final String SITE_URL = "https://www.example.com/";

    record Row(String name, Consumer<FactsBuilder> world, Verdict verdict, String diagnosis, List<String> nextSteps,
               List<String> missing) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(String name, Consumer<FactsBuilder> world, Verdict verdict, String diagnosis, List<String> steps,
                   String... missing) {
        return new Row(name, world, verdict, diagnosis, steps, List.of(missing));
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                row("healthy", f -> { }, Verdict.ALL_CLEAR, null, List.of()),
                row("Heroku outage alone", f -> f.herokuStatus = Fetched.of(FactsBuilder.herokuAppsIncident(1)),
                        Verdict.DEGRADED, "Heroku reports an incident (Elevated H12 timeouts in the Common Runtime #0); "
                                + "the app and the website answer normally.", List.of()),
                row("both platforms report incidents", f -> {
                    f.herokuStatus = Fetched.of(FactsBuilder.herokuAppsIncident(1));
                    f.netlifyStatus = Fetched.of(netlifyIncident());
                }, Verdict.DEGRADED, "Heroku reports an incident (Elevated H12 timeouts in the Common Runtime #0) and "
                        + "Netlify reports: Build delays; the app and the website answer normally.", List.of()),
                row("Netlify outage alone", f -> f.netlifyStatus = Fetched.of(netlifyIncident()),
                        Verdict.DEGRADED, "Netlify reports: Build delays; the app and the website answer normally.", List.of()),
                row("platform outage, app check missing", f -> {
                    f.herokuStatus = Fetched.of(FactsBuilder.herokuAppsIncident(1));
                    f.appProbe = cancelled();
                }, Verdict.DEGRADED, "Heroku reports an incident (Elevated H12 timeouts in the Common Runtime #0); "
                        + "the website answers normally.", List.of(), "App (Health check)"),
                row("site down during a Netlify incident", f -> {
                    f.siteProbe = Fetched.of(probe(SITE_URL, 503));
                    f.netlifyStatus = Fetched.of(netlifyIncident());
                }, Verdict.DOWN, "*Likely the platform:* the website does not answer and Netlify reports: Build delays.", List.of()),
                row("site down while Netlify is green", f -> f.siteProbe = Fetched.of(probe(SITE_URL, 503)),
                        Verdict.DOWN, "*Likely ours:* the website does not answer while Netlify is green.", List.of("site restore")),
                row("site down after a failed deploy", f -> {
                    f.siteProbe = Fetched.of(refused(SITE_URL));
                    f.deploys = Fetched.of(withFailedDeploy(f));
                }, Verdict.DOWN, "*Likely ours:* the website does not answer while Netlify is green; a newer deploy failed.",
                        List.of("site restore")),
                row("site down, Netlify's status unknown", f -> {
                    f.siteProbe = Fetched.of(probe(SITE_URL, 503));
                    f.netlifyStatus = rateLimited("Netlify status");
                }, Verdict.DOWN, "*The website does not answer*. Netlify's status page did not answer, so whether Netlify is"
                        + " to blame is not known yet.", List.of(), "Platforms (Netlify)"),
                row("site down after a failed deploy, Netlify's status unknown", f -> {
                    f.siteProbe = Fetched.of(probe(SITE_URL, 503));
                    f.deploys = Fetched.of(withFailedDeploy(f));
                    f.netlifyStatus = Fetched.timedOut(Duration.ofSeconds(4));
                }, Verdict.DOWN, "*The website does not answer*. Netlify's status page did not answer, so whether Netlify is"
                        + " to blame is not known yet; a newer deploy failed.", List.of("site restore"), "Platforms (Netlify)"),
                row("app down, Heroku green", f -> f.appProbe = Fetched.of(probe(APP_URL, 503)),
                        Verdict.DOWN, "*Likely ours:* the app does not answer while Heroku reports no Apps incident. Check the logs.",
                        List.of("logs", "rollback")),
                row("app down after a recent release", f -> {
                    f.appProbe = Fetched.of(probe(APP_URL, 500));
                    f.releases = Fetched.of(recentCurrent(f));
                }, Verdict.DOWN, "*Likely ours:* the app does not answer while Heroku reports no Apps incident; release v",
                        List.of("logs", "rollback")),
                row("app down during a Heroku Apps incident", f -> {
                    f.appProbe = Fetched.of(probe(APP_URL, 503));
                    f.herokuStatus = Fetched.of(FactsBuilder.herokuAppsIncident(2));
                }, Verdict.DOWN, "*Likely the platform:* the app does not answer and Heroku reports an incident", List.of()),
                row("app down, Heroku's status unknown", f -> {
                    f.appProbe = Fetched.of(probe(APP_URL, 503));
                    f.herokuStatus = Fetched.timedOut(Duration.ofSeconds(4));
                }, Verdict.DOWN, "*The app does not answer*. Heroku's status page did not answer, so whether the platform",
                        List.of(), "Platforms (Heroku)"),
                row("app down in maintenance", f -> {
                    f.appProbe = Fetched.of(probe(APP_URL, 503));
                    f.app = Fetched.of(f.heroku.setMaintenance(FactsBuilder.APP, true));
                }, Verdict.DOWN, "*Maintenance mode is on*, so Heroku answers 503 on purpose.", List.of("maintenance off")),
                row("maintenance while the app answers", f -> f.app = Fetched.of(f.heroku.setMaintenance(FactsBuilder.APP, true)),
                        Verdict.DEGRADED, "Maintenance mode is on.", List.of("maintenance off")),
                row("every web dyno crashed and the app down", f -> {
                    f.dynos = Fetched.of(crashed(f, "web"));
                    f.appProbe = Fetched.of(probe(APP_URL, 503));
                }, Verdict.DOWN, "*Likely ours:* every web dyno has crashed while Heroku is green. Check the logs; release v8"
                        + " (bob@lifeboat.demo) is the current one, then restart or roll back.",
                        List.of("logs", "restart web", "rollback")),
                row("crashed dynos while the app answers", f -> f.dynos = Fetched.of(crashed(f, "worker")),
                        Verdict.DEGRADED, "Some dynos have crashed; the app still answers. Check the logs.",
                        List.of("logs", "restart web")),
                row("every web dyno crashed yet the app answers", f -> f.dynos = Fetched.of(crashed(f, "web")),
                        Verdict.DEGRADED, "Every web dyno is listed as crashed, yet the health check answers.",
                        List.of("logs", "restart web")),
                row("every web dyno crashed, no health check", f -> {
                    f.dynos = Fetched.of(crashed(f, "web"));
                    f.appProbe = Fetched.notConfigured("not configured (set APP_URL)");
                }, Verdict.DOWN, "*No web dyno is up*", List.of("logs", "restart web")),
                row("no dynos", f -> f.dynos = Fetched.of(List.of()),
                        Verdict.DEGRADED, "No dynos are running: scaled to zero, or eco dynos asleep (the health check still answers).",
                        List.of()),
                row("no dynos and no health check", f -> {
                    f.dynos = Fetched.of(List.of());
                    f.appProbe = Fetched.notConfigured("not configured (set APP_URL)");
                }, Verdict.DEGRADED, "No dynos are running: scaled to zero, or eco dynos asleep.", List.of()),
                row("slow app", f -> f.appProbe = Fetched.of(slow(APP_URL, 2_500)),
                        Verdict.DEGRADED, "Answering slowly: the app (2500 ms).", List.of()),
                row("slow site", f -> f.siteProbe = Fetched.of(slow(SITE_URL, 3_100)),
                        Verdict.DEGRADED, "Answering slowly: the website (3100 ms).", List.of()),
                row("app check timed out with its full budget", f -> f.appProbe = Fetched.of(timedOut(APP_URL)),
                        Verdict.DOWN, "*Likely ours:* the app does not answer", List.of("logs", "rollback")),
                row("app check cancelled by the round's end", f -> f.appProbe = cancelled(),
                        Verdict.DEGRADED, "Some checks did not answer: App (Health check).", List.of(), "App (Health check)"),
                row("site check cancelled by the round's end", f -> f.siteProbe = cancelled(),
                        Verdict.DEGRADED, "Some checks did not answer: Website (Site check).", List.of(), "Website (Site check)"),
                row("Heroku rate limited on every app endpoint", f -> {
                    f.app = rateLimited("Heroku");
                    f.dynos = rateLimited("Heroku");
                    f.releases = rateLimited("Heroku");
                    f.addon = rateLimited("Heroku");
                    f.transfers = rateLimited("Heroku");
                }, Verdict.DEGRADED, "Some checks did not answer: App (Heroku app), App (Dynos), App (Releases), "
                        + "Database (Postgres), Database (Backups). The rest looks fine.", List.of(),
                        "App (Heroku app)", "App (Dynos)", "App (Releases)", "Database (Postgres)", "Database (Backups)"),
                row("app down while the dynos are unknown", f -> {
                    f.appProbe = Fetched.of(probe(APP_URL, 503));
                    f.dynos = rateLimited("Heroku");
                }, Verdict.DOWN, "*Likely ours:* the app does not answer", List.of("logs", "rollback"), "App (Dynos)"),
                row("stale backup", f -> f.maxAge = Duration.ofHours(1),
                        Verdict.DEGRADED, "*Backups need attention:* the newest backup is", List.of("backups", "backup")),
                row("a newer deploy failed, the site answers", f -> f.deploys = Fetched.of(withFailedDeploy(f)),
                        Verdict.DEGRADED, "A newer website deploy failed; the published one still serves.", List.of("site restore"))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRule(Row row) {
        FactsBuilder facts = new FactsBuilder();
        row.world().accept(facts);

        StatusReport report = StatusAnalysis.analyse(facts.build(), name -> true);

        assertEquals(row.verdict(), report.verdict(), () -> report.toString());
        if (row.diagnosis() == null) {
            assertEquals(Optional.empty(), report.diagnosis());
        } else {
            String diagnosis = report.diagnosis().orElse("(none)");
            assertTrue(diagnosis.startsWith(row.diagnosis()), () -> "expected to start with: " + row.diagnosis() + "\nbut was: " + diagnosis);
        }
        assertEquals(row.nextSteps(), report.nextSteps().stream().map(NextStep::command).toList());
        assertEquals(row.missing(), report.missing());
        if (report.verdict() != Verdict.ALL_CLEAR && !row.missing().isEmpty()
                && !report.diagnosis().orElse("").startsWith("Some checks did not answer")) {
            assertEquals(Optional.of("_Based on partial facts; not known this round: " + String.join(", ", row.missing()) + "._"),
                    report.caveat(), "a verdict on partial facts names the missing ones");
        }
    }

    /** Each fact on its own missing (rate limited, timed out, failed) is unknown, never a "Down". */
    static Stream<Arguments> missingFacts() {
        List<Arguments> cases = new ArrayList<>();
        List<Fetched<Object>> gaps = List.of(rateLimited("Upstream"), Fetched.timedOut(Duration.ofSeconds(4)),
                Fetched.failed(new UpstreamException("Upstream", Failure.SERVER_ERROR, 503, null, "Upstream failed (503)", null)),
                cancelled());
        String[][] slots = {
                {"app", "App (Heroku app)"}, {"dynos", "App (Dynos)"}, {"releases", "App (Releases)"},
                {"appProbe", "App (Health check)"}, {"addon", "Database (Postgres)"}, {"transfers", "Database (Backups)"},
                {"schedules", "Database (Schedule)"}, {"copies", "Database (Offsite copies)"}, {"site", "Website (Netlify)"},
                {"deploys", "Website (Netlify)"}, {"siteProbe", "Website (Site check)"},
                {"herokuStatus", "Platforms (Heroku)"}, {"netlifyStatus", "Platforms (Netlify)"}};
        for (String[] slot : slots) {
            for (Fetched<Object> gap : gaps) {
                cases.add(Arguments.of(slot[0], slot[1], gap));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("missingFacts")
    void aMissingFactIsUnknownNeverDown(String slot, String named, Fetched<Object> gap) throws Exception {
        FactsBuilder facts = new FactsBuilder();
        java.lang.reflect.Field field = FactsBuilder.class.getDeclaredField(slot);
        field.set(facts, gap);

        StatusReport report = StatusAnalysis.analyse(facts.build(), name -> true);

        assertEquals(Verdict.DEGRADED, report.verdict(), report::toString);
        assertEquals(List.of(named), report.missing());
        assertEquals(Optional.of("Some checks did not answer: " + named + ". The rest looks fine."), report.diagnosis());
        assertEquals(List.of(), report.nextSteps(), "no action is offered on a guess");
        assertTrue(report.sections().stream().noneMatch(s -> s.health() == Health.DOWN), report::toString);
    }

    static <T> Fetched<T> rateLimited(String system) {
        return Fetched.failed(new UpstreamException(system, Failure.RATE_LIMITED, 429, Duration.ofSeconds(5),
                system + " rate limit", null));
    }

    static <T> Fetched<T> cancelled() {
        return Fetched.unknown(Fetched.Gap.TIMED_OUT, "cancelled: status round ended");
    }

    static ProbeResult probe(String url, int status) {
        return FactsBuilder.probe(url, status);
    }

    static ProbeResult slow(String url, long millis) {
        return new ProbeResult(URI.create(url), Outcome.UP, Optional.of(200), Duration.ofMillis(millis), 0, URI.create(url), "");
    }

    static ProbeResult timedOut(String url) {
        return new ProbeResult(URI.create(url), Outcome.TIMEOUT, Optional.empty(), Duration.ofMillis(3_850), 0,
                URI.create(url), "timed out after 3850 ms");
    }

    static ProbeResult refused(String url) {
        return new ProbeResult(URI.create(url), Outcome.CONNECT_FAILURE, Optional.empty(), Duration.ofMillis(3), 0,
                URI.create(url), "connection refused");
    }

    static PlatformStatus netlifyIncident() {
        return new PlatformStatus("Netlify", Level.DEGRADED, "Partially Degraded Service", List.of(),
                List.of(new PlatformStatus.Incident("Build delays", "investigating", "https://www.netlifystatus.com/incidents/x1",
                        FactsBuilder.NOW.minusSeconds(600))), "https://www.netlifystatus.com");
    }

    static List<Dyno> crashed(FactsBuilder f, String type) {
        return f.heroku.dynos(FactsBuilder.APP).stream()
                .map(d -> d.type().equals(type) ? new Dyno(d.id(), d.name(), d.type(), DynoState.CRASHED, d.size(),
                        d.command(), d.release(), d.createdAt(), d.updatedAt()) : d)
                .toList();
    }

    static List<Release> recentCurrent(FactsBuilder f) {
        return f.heroku.releases(FactsBuilder.APP, 10).stream()
                .map(r -> r.current() ? new Release(r.id(), r.version(), r.status(), r.description(), r.user(), true,
                        r.eligibleForRollback(), FactsBuilder.NOW.minus(Duration.ofMinutes(30)), r.updatedAt(),
                        r.addonPlanNames(), r.outputStreamUrl()) : r)
                .toList();
    }

    static List<Deploy> withFailedDeploy(FactsBuilder f) {
        List<Deploy> deploys = new ArrayList<>(f.netlify.deploys(20));
        Deploy newest = deploys.get(0);
        deploys.add(0, new Deploy("66f0000000000000000000ff", newest.siteId(), "b1", DeployState.ERROR, newest.name(),
                null, null, null, null, null, "Build script returned non-zero exit code: 2", "main", Deploy.PRODUCTION,
                "abc1234", null, "Break the build", null, false, false, FactsBuilder.NOW.minusSeconds(300),
                FactsBuilder.NOW.minusSeconds(240), null));
        return deploys;
    }
}
