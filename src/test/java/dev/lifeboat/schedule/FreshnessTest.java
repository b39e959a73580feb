package dev.lifeboat.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeboat.demo.DemoNetlify;
import dev.lifeboat.demo.DemoPgBackups;
import dev.lifeboat.demo.DemoS3;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The daily freshness check as a table, on the demo world's backups and copies (newest backup a012 finished at
 * about 02:03 on the day the world was made): its age against the maximum, a missing or wrong-sized copy, and facts
 * that could not be fetched (unknown, never stale).
 */
class FreshnessTest {
    static final Instant MADE = Instant.parse("2026-11-27T09:00:00Z");

    /** The demo world's facts as of {@code now}, changed by {@code change}. */
    static StatusFacts facts(Instant now, String change, int maxHours) {
        Clock made = Clock.fixed(MADE, ZoneOffset.UTC);
        DemoPgBackups backups = new DemoPgBackups(made);
        DemoS3 s3 = new DemoS3(made);
        Fetched<List<Transfer>> transfers = Fetched.of(backups.transfers("lifeboat-demo"));
        Fetched<List<OffsiteCopy>> copies = Fetched.of(s3.list(DemoS3.SEED_PREFIX));
        switch (change) {
            case "no copies" -> copies = Fetched.of(List.of());
            case "newest not copied" -> copies = Fetched.of(copies.value().orElseThrow().stream()
                    .filter(c -> !c.fileName().startsWith("a012")).toList());
            case "wrong size" -> copies = Fetched.of(copies.value().orElseThrow().stream()
                    .map(c -> c.fileName().startsWith("a012") ? new OffsiteCopy(c.key(), c.size() / 2, c.lastModified(),
                            c.metadata()) : c).toList());
            case "no backups" -> transfers = Fetched.of(List.of());
            case "heroku rate limited" -> transfers = Fetched.unknown(Fetched.Gap.RATE_LIMITED, "Heroku rate limited (retry in 5 s)");
            case "s3 timed out" -> copies = Fetched.timedOut(Duration.ofSeconds(4));
            case "s3 not configured" -> copies = Fetched.notConfigured("set LIFEBOAT_BACKUP_BUCKET");
            default -> { }
        }
        return new StatusFacts(now, Duration.ofSeconds(4), Optional.of("lifeboat-demo"), Fetched.notConfigured(""),
                Fetched.notConfigured(""), Fetched.notConfigured(""), Fetched.notConfigured(""),
                Fetched.notConfigured(""), transfers, Fetched.notConfigured(""), copies, Fetched.notConfigured(""),
                Fetched.notConfigured(""),
                Fetched.of(new DemoNetlify(made).deploys(20)), Fetched.notConfigured(""), Fetched.notConfigured(""),
                Fetched.notConfigured(""), Duration.ofHours(maxHours));
    }

    @ParameterizedTest(name = "{0}, {1}, max {2} h → {3}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-27T09:00:00Z | as made              | 26 | FRESH   | newest backup a012 is 6 h 56 min old; newest offsite copy a012.dump is 6 h 40 min old",
            "2026-11-28T04:00:00Z | as made              | 26 | FRESH   | newest backup a012 is 25 h 56 min old; newest offsite copy a012.dump is 25 h 40 min old",
            "2026-11-28T04:10:00Z | as made              | 26 | STALE   | newest backup a012 is 26 h 6 min old; newest offsite copy a012.dump is 25 h 50 min old",
            "2026-11-27T09:00:00Z | as made              | 6  | STALE   | newest backup a012 is 6 h 56 min old; newest offsite copy a012.dump is 6 h 40 min old",
            "2026-11-27T09:00:00Z | no copies            | 26 | STALE   | there is no offsite copy in S3; newest backup a012 is 6 h 56 min old",
            "2026-11-27T09:00:00Z | newest not copied    | 26 | STALE   | newest offsite copy a011.dump is 30 h 41 min old; newest backup a012 is 6 h 56 min old; a012 is not offsite yet",
            "2026-11-27T09:00:00Z | newest not copied    | 31 | FRESH   | newest backup a012 is 6 h 56 min old; newest offsite copy a011.dump is 30 h 41 min old; a012 is not offsite yet",
            "2026-11-27T09:00:00Z | wrong size           | 26 | STALE   | the offsite copy of a012 is 45.00 MB, the backup 90.00 MB; newest backup a012 is 6 h 56 min old; newest offsite copy a012.dump is 6 h 40 min old",
            "2026-11-27T09:00:00Z | no backups           | 26 | STALE   | there is no successful backup on Heroku; newest offsite copy a012.dump is 6 h 40 min old",
            "2026-11-27T09:00:00Z | heroku rate limited  | 26 | UNKNOWN | Heroku backups could not be checked (Heroku rate limited (retry in 5 s)); newest offsite copy a012.dump is 6 h 40 min old",
            "2026-11-27T09:00:00Z | s3 timed out         | 26 | UNKNOWN | offsite copies could not be checked (no answer within 4 s); newest backup a012 is 6 h 56 min old",
            "2026-11-27T09:00:00Z | s3 not configured    | 26 | STALE   | no offsite copies are kept: set LIFEBOAT_BACKUP_BUCKET; newest backup a012 is 6 h 56 min old",
    })
    void freshness(String now, String change, int maxHours, Freshness.Verdict verdict, String summary) {
        Freshness.Result result = Freshness.check(facts(Instant.parse(now), change, maxHours));
        assertEquals(verdict, result.verdict(), result.toString());
        assertEquals(summary, result.summary());
    }
}
