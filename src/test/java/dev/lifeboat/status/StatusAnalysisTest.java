package dev.lifeboat.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.status.StatusReport.NextStep;
import dev.lifeboat.status.StatusReport.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class StatusAnalysisTest {
    static final Predicate<String> ALL_COMMANDS = name -> true;

    final FactsBuilder facts = new FactsBuilder();

    static String section(StatusReport report, String prefix) {
        return report.sections().stream().filter(s -> s.name().startsWith(prefix)).findFirst()
                .map(s -> s.health().label() + "\n" + String.join("\n", s.facts())).orElseThrow();
    }

    @Test
    void aHealthyWorldIsAllClearWithoutDiagnosisOrButtons() {
        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertEquals(Verdict.ALL_CLEAR, report.verdict());
        assertTrue(report.diagnosis().isEmpty());
        assertTrue(report.nextSteps().isEmpty());
        assertTrue(report.sections().stream().allMatch(s -> s.health() == Health.OK), report.sections()::toString);
        assertTrue(section(report, "Database").contains("It matches the newest backup *a012*"));
    }

    @Test
    void appDownDuringAHerokuAppsIncidentBlamesThePlatformAndOffersNoRestart() {
        facts.appProbe = Fetched.of(FactsBuilder.probe("https://app.example.com/up", 503));
        facts.herokuStatus = Fetched.of(FactsBuilder.herokuAppsIncident(1));

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertEquals(Verdict.DOWN, report.verdict());
        assertTrue(report.diagnosis().orElseThrow().startsWith("*Likely the platform:* the app does not answer and Heroku reports an incident (Elevated H12 timeouts"), report.diagnosis().get());
        assertTrue(report.nextSteps().isEmpty(), "restarting would not help: " + report.nextSteps());
    }

    @Test
    void appDownWithEveryWebDynoCrashedAndHerokuGreenIsOursWithLogsRestartAndRollback() {
        facts.heroku.crashDynos("web");
        facts.dynos = Fetched.of(facts.heroku.dynos(FactsBuilder.APP));
        facts.appProbe = Fetched.of(FactsBuilder.probe("https://app.example.com/up", 503));

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertEquals(Verdict.DOWN, report.verdict());
        assertTrue(report.diagnosis().orElseThrow().startsWith("*Likely ours:* every web dyno has crashed while Heroku is green."), report.diagnosis().get());
        assertTrue(section(report, "App").contains("Dynos: `web` 0/2 up (2 crashed), `worker` 1/1 up"), section(report, "App"));
        assertEquals(List.of("logs", "restart web", "rollback"), report.nextSteps().stream().map(NextStep::command).toList());
    }

    @Test
    void nextStepsOfferOnlyCommandsThatExist() {
        facts.heroku.crashDynos("web");
        facts.dynos = Fetched.of(facts.heroku.dynos(FactsBuilder.APP));
        facts.appProbe = Fetched.of(FactsBuilder.probe("https://app.example.com/up", 503));

        StatusReport report = StatusAnalysis.analyse(facts.build(), Set.of("rollback")::contains);

        assertEquals(List.of("rollback"), report.nextSteps().stream().map(NextStep::command).toList());
    }

    @Test
    void aStaleBackupWarnsAndPointsAtBackups() {
        facts.maxAge = Duration.ofHours(2);

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertEquals(Verdict.DEGRADED, report.verdict());
        assertTrue(section(report, "Database").contains("— older than 2 h (LIFEBOAT_BACKUP_MAX_AGE_HOURS)"), section(report, "Database"));
        assertTrue(report.diagnosis().orElseThrow().startsWith("*Backups need attention:* the newest backup is 6 h 56 min old."), report.diagnosis().get());
        assertEquals(List.of("backups", "backup"), report.nextSteps().stream().map(NextStep::command).toList());
    }

    @Test
    void aBackupWithoutAnOffsiteCopyWarns() {
        facts.copies = Fetched.of(facts.s3.list(dev.lifeboat.demo.DemoS3.SEED_PREFIX).subList(1, 12));

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertTrue(section(report, "Database").contains(":warning: Newest backup *a012* has no offsite copy"), section(report, "Database"));
        assertTrue(report.diagnosis().orElseThrow().contains("the newest backup a012 has no offsite copy"));
    }

    @Test
    void aRateLimitedCheckIsUnknownNeverDown() {
        facts.dynos = Fetched.failed(new UpstreamException("Heroku", Failure.RATE_LIMITED, 429, Duration.ofSeconds(30),
                "Heroku rate limit", null));

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertEquals(Health.UNKNOWN, report.sections().get(0).health());
        assertTrue(section(report, "App").contains("Dynos: :grey_question: Heroku rate limited (retry in 30 s)"), section(report, "App"));
        assertEquals(Verdict.DEGRADED, report.verdict());
        assertTrue(report.diagnosis().orElseThrow().startsWith("Some checks did not answer: App (Dynos)."));
    }

    @Test
    void aHangingCheckSaysHowLongItWasGiven() {
        facts.transfers = Fetched.timedOut(Duration.ofSeconds(4));

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertTrue(section(report, "Database").contains("Backups: :grey_question: no answer within 4 s"), section(report, "Database"));
    }

    @Test
    void anUnconfiguredSystemIsNotAFailure() {
        facts.site = Fetched.notConfigured("not configured (set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID)");
        facts.deploys = Fetched.notConfigured("not configured (set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID)");
        facts.siteProbe = Fetched.notConfigured("not configured (set SITE_URL or NETLIFY_SITE_ID)");

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertEquals(Verdict.ALL_CLEAR, report.verdict());
        assertEquals(Health.NOT_CONFIGURED, report.sections().get(2).health());
        assertTrue(section(report, "Website").contains("Netlify: _not configured (set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID)_"));
    }

    @Test
    void manyIncidentsAreCutWithACount() {
        facts.herokuStatus = Fetched.of(FactsBuilder.herokuAppsIncident(60));

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        String platforms = section(report, "Platforms");
        assertEquals(5, platforms.split("\n• <https://status.heroku.com/incidents/").length - 1);
        assertTrue(platforms.contains("• … and 55 more open incidents on <https://status.heroku.com|the status page>"));
        assertFalse(platforms.contains("#59"));
    }

    @Test
    void maintenanceModeExplainsThe503() {
        facts.app = Fetched.of(facts.heroku.setMaintenance(FactsBuilder.APP, true));
        facts.appProbe = Fetched.of(FactsBuilder.probe("https://app.example.com/up", 503));

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertTrue(report.diagnosis().orElseThrow().startsWith("*Maintenance mode is on*, so Heroku answers 503 on purpose."));
        assertEquals(List.of("maintenance off"), report.nextSteps().stream().map(NextStep::command).toList());
    }

    @Test
    void aSiteDownWhileNetlifyIsGreenIsOurs() {
        facts.siteProbe = Fetched.of(FactsBuilder.probe("https://www.example.com/", 404));

        StatusReport report = StatusAnalysis.analyse(facts.build(), ALL_COMMANDS);

        assertEquals(Verdict.DOWN, report.verdict());
        assertEquals("*Likely ours:* the website does not answer while Netlify is green.", report.diagnosis().orElseThrow());
        assertEquals(List.of("site restore"), report.nextSteps().stream().map(NextStep::command).toList());
    }
}
