package dev.lifeboat.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.ReleaseStatus;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The digest's sections that the demo world does not exercise: incidents with durations, alerts, rollbacks, gaps. */
class DigestTest {
    static final Instant NOW = Instant.parse("2026-03-09T09:00:00Z");

    static AuditEntry entry(String at, String actor, String text, String outcome) {
        return new AuditEntry(Instant.parse(at), actor, actor, "slack", Optional.empty(), text, outcome,
                Optional.empty(), "x");
    }

    static Digest.Week week(StatusFacts facts, List<AuditEntry> audit, boolean incidents) {
        return new Digest.Week(NOW.minus(Duration.ofDays(7)), NOW, facts, List.<Run>of(), audit, Optional.empty(),
                command -> incidents && command.equals("incident open"));
    }

    @Test
    void incidentsComeFromTheAuditLogWithTheirDurations() {
        List<AuditEntry> audit = List.of(
                entry("2026-03-07T10:00:00Z", "U1", "incident resolve", "ok"),
                entry("2026-03-07T09:15:00Z", "U1", "incident update monitoring", "ok"),
                entry("2026-03-07T09:00:00Z", "U1", "incident open Checkout fails", "ok"),
                entry("2026-03-08T20:00:00Z", "U2", "incident open Slow pages", "ok"),
                entry("2026-03-08T19:00:00Z", "U2", "incident open denied one", "denied"),
                entry("2026-02-20T09:00:00Z", "U1", "incident open Last month", "ok"));
        assertEquals("• Sat 7 Mar 09:00 “Checkout fails” — resolved after 1 h\n"
                + "• Sun 8 Mar 20:00 “Slow pages” — still open", Digest.incidents(week(null, audit, true)));
        assertEquals("none", Digest.incidents(week(null, List.of(), true)));
        assertEquals("not recorded (this Lifeboat does not track incidents yet)",
                Digest.incidents(week(null, audit, false)));
        assertEquals("not known: the audit log could not be read (timed out)", Digest.incidents(new Digest.Week(
                NOW.minus(Duration.ofDays(7)), NOW, null, List.of(), List.of(), Optional.of("timed out"), c -> true)));
    }

    @Test
    void monitorAlertsAreTheMonitorsAuditEntries() {
        List<AuditEntry> audit = List.of(entry("2026-03-08T03:00:00Z", "monitor", "app down", "ok"),
                entry("2026-03-08T03:12:00Z", "monitor", "app up", "ok"));
        assertEquals("2 alerts:\n• Sun 8 Mar 03:00 app down\n• Sun 8 Mar 03:12 app up",
                Digest.monitorAlerts(week(null, audit, false)));
        assertEquals("not recorded (no monitor alert is in the audit log this week)",
                Digest.monitorAlerts(week(null, List.of(), false)));
    }

    static Release release(int version, String description, String at, ReleaseStatus status) {
        return new Release("id" + version, version, status, description, new Release.User("u", "dev@example.com"),
                false, true, Instant.parse(at), Instant.parse(at), List.of(), null);
    }

    static StatusFacts facts(Fetched<List<Release>> releases) {
        return new StatusFacts(NOW, Duration.ofSeconds(4), Optional.of("acme"), Fetched.notConfigured(""),
                Fetched.notConfigured(""), releases, Fetched.notConfigured(""), Fetched.notConfigured(""),
                Fetched.notConfigured(""), Fetched.notConfigured(""), Fetched.notConfigured(""),
                Fetched.notConfigured(""), Fetched.notConfigured(""), Fetched.unknown(Fetched.Gap.TIMED_OUT, "no answer within 4 s"),
                Fetched.notConfigured(""), Fetched.notConfigured(""), Fetched.notConfigured(""), Duration.ofHours(26));
    }

    @Test
    void deploysAndRollbacksOfTheWeekFromHerokusReleasesAndAGapSaidAsOne() {
        StatusFacts f = facts(Fetched.of(List.of(
                release(42, "Rollback to v40", "2026-03-08T11:00:00Z", ReleaseStatus.SUCCEEDED),
                release(41, "Deploy 1a2b3c", "2026-03-08T10:00:00Z", ReleaseStatus.FAILED),
                release(40, "Deploy 9f8e7d", "2026-03-04T10:00:00Z", ReleaseStatus.SUCCEEDED),
                release(39, "Deploy 0000aa", "2026-02-25T10:00:00Z", ReleaseStatus.SUCCEEDED))));
        assertEquals("Heroku releases: 3 (v40 to v42), :x: failed: v41\n"
                + "Rollbacks: v42 Sun 8 Mar 11:00 (Rollback to v40, by dev@example.com)\n"
                + "Site deploys: not known this time (no answer within 4 s)", Digest.deploys(week(f, List.of(), false)));
    }
}
