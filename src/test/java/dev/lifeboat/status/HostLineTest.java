package dev.lifeboat.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatus.Level;
import dev.lifeboat.platformstatus.PlatformStatus.SystemStatus;
import dev.lifeboat.reply.TextRenderer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where Lifeboat runs, and when that line leads the report: every case a row. */
class HostLineTest {
    static Fetched<PlatformStatus> heroku(String apps) {
        if (apps.equals("unknown")) {
            return Fetched.timedOut(Duration.ofSeconds(4));
        }
        Level level = apps.equals("incident") ? Level.OUTAGE : Level.OPERATIONAL;
        return Fetched.of(new PlatformStatus("Heroku", level, "", List.of(new SystemStatus("Apps", level, "red"),
                new SystemStatus("Data", Level.OPERATIONAL, "green")), List.of(), "https://status.heroku.com"));
    }

    static Optional<String> opt(String value) {
        return value == null || value.equals("-") ? Optional.empty() : Optional.of(value);
    }

    @ParameterizedTest(name = "dyno={0} note={1} demo={2} app={3} apps={4}")
    @CsvSource(delimiter = '|', value = {
            // dyno | note        | demo  | guarded app | Heroku Apps | shown | first | the line says
            "web.1  | -           | false | acme-prod   | green       | true  | false | Lifeboat runs on Heroku (web.1), like acme-prod. An outage of the Heroku platform may take Lifeboat down with the app.",
            "web.1  | -           | false | acme-prod   | incident    | true  | true  | Heroku's status page shows an Apps incident now: Lifeboat may go down with acme-prod.",
            "web.1  | -           | false | acme-prod   | unknown     | true  | false | An outage of the Heroku platform may take Lifeboat down with the app.",
            "web.1  | -           | false | -           | incident    | false | false | ",
            "-      | -           | false | acme-prod   | incident    | false | false | ",
            "-      | -           | true  | acme-prod   | green       | true  | false | Lifeboat runs on Heroku (simulated: demo world), like acme-prod.",
            "-      | Fly.io, fra | false | acme-prod   | incident    | true  | false | Lifeboat runs on Fly.io, fra.",
            "web.1  | EU team     | false | acme-prod   | green       | true  | false | Lifeboat runs on EU team. Heroku also runs acme-prod: a Heroku outage may take both down",
            "web.1  | EU team     | false | acme-prod   | incident    | true  | true  | Lifeboat runs on EU team.",
    })
    void theLineAndItsPlace(String dyno, String note, boolean demo, String app, String apps, boolean shown, boolean first,
                            String says) {
        Optional<HostLine> line = HostLine.of(new Placement(opt(dyno), opt(note), demo), opt(app), heroku(apps));

        assertEquals(shown, line.isPresent(), line.toString());
        line.ifPresent(l -> {
            assertEquals(first, l.first(), l.text());
            assertEquals(true, l.text().contains(says), l.text());
            assertEquals(true, l.text().contains("docs/deploy.md") || opt(dyno).isEmpty() && !demo, l.text());
        });
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void theLineLeadsTheReportDuringAnAppsIncidentAndEndsItOtherwise(boolean first) {
        StatusReport report = new StatusReport(Instant.parse("2026-12-02T03:00:00Z"), StatusReport.Verdict.DEGRADED,
                Optional.empty(), List.of(), List.of(), List.of());
        String text = TextRenderer.render(StatusRenderer.render(report, Optional.of(new HostLine(":anchor: HOST", first))));

        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        int host = lines.indexOf(lines.stream().filter(l -> l.contains("HOST")).findFirst().orElseThrow());
        int verdict = lines.indexOf(lines.stream().filter(l -> l.contains("Degraded")).findFirst().orElseThrow());
        assertEquals(first, host < verdict, text);
    }
}
