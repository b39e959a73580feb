package dev.lifeboat.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When each cadence was last due and is next due, as a table. */
class CadenceTest {
    static final Map<String, Cadence> CADENCES = Map.of(
            "daily 03:30", Cadence.daily(LocalTime.of(3, 30)),
            "weekly mon 09:00", Cadence.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0)),
            "weekly sun 23:00", Cadence.weekly(DayOfWeek.SUNDAY, LocalTime.of(23, 0)),
            "monthly 1 04:00", Cadence.monthly(1, LocalTime.of(4, 0)),
            "monthly 31 04:00", Cadence.monthly(31, LocalTime.of(4, 0)),
            "monthly 15 00:00", Cadence.monthly(15, LocalTime.of(0, 0)));

    @ParameterizedTest(name = "{0} at {1}: last {2}, next {3}")
    @CsvSource({
            "daily 03:30,      2026-03-02T03:29:59Z, 2026-03-01T03:30:00Z, 2026-03-02T03:30:00Z",
            "daily 03:30,      2026-03-02T03:30:00Z, 2026-03-02T03:30:00Z, 2026-03-03T03:30:00Z",
            "daily 03:30,      2026-03-01T00:00:00Z, 2026-02-28T03:30:00Z, 2026-03-01T03:30:00Z",
            "daily 03:30,      2026-12-31T23:59:00Z, 2026-12-31T03:30:00Z, 2027-01-01T03:30:00Z",
            // 2026-03-02 is a Monday
            "weekly mon 09:00, 2026-03-02T08:59:00Z, 2026-02-23T09:00:00Z, 2026-03-02T09:00:00Z",
            "weekly mon 09:00, 2026-03-02T09:00:00Z, 2026-03-02T09:00:00Z, 2026-03-09T09:00:00Z",
            "weekly mon 09:00, 2026-03-08T23:00:00Z, 2026-03-02T09:00:00Z, 2026-03-09T09:00:00Z",
            "weekly sun 23:00, 2026-03-02T09:00:00Z, 2026-03-01T23:00:00Z, 2026-03-08T23:00:00Z",
            "weekly sun 23:00, 2026-03-08T22:59:00Z, 2026-03-01T23:00:00Z, 2026-03-08T23:00:00Z",
            "monthly 1 04:00,  2026-03-01T03:59:00Z, 2026-02-01T04:00:00Z, 2026-03-01T04:00:00Z",
            "monthly 1 04:00,  2026-03-01T04:00:00Z, 2026-03-01T04:00:00Z, 2026-04-01T04:00:00Z",
            "monthly 1 04:00,  2026-01-15T00:00:00Z, 2026-01-01T04:00:00Z, 2026-02-01T04:00:00Z",
            // a day past the month's end is its last day: 28 Feb 2026, 29 Feb 2028, 30 April
            "monthly 31 04:00, 2026-03-01T00:00:00Z, 2026-02-28T04:00:00Z, 2026-03-31T04:00:00Z",
            "monthly 31 04:00, 2026-04-15T00:00:00Z, 2026-03-31T04:00:00Z, 2026-04-30T04:00:00Z",
            "monthly 31 04:00, 2028-02-20T00:00:00Z, 2028-01-31T04:00:00Z, 2028-02-29T04:00:00Z",
            "monthly 15 00:00, 2026-03-14T23:59:59Z, 2026-02-15T00:00:00Z, 2026-03-15T00:00:00Z",
    })
    void lastAndNextDue(String cadence, String now, String last, String next) {
        Cadence c = CADENCES.get(cadence);
        assertEquals(Instant.parse(last), c.latestAtOrBefore(Instant.parse(now)), "last");
        assertEquals(Instant.parse(next), c.nextAfter(Instant.parse(now)), "next");
    }

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "daily 03:30|every day at 03:30 UTC",
            "weekly mon 09:00|every Monday at 09:00 UTC",
            "monthly 1 04:00|on day 1 of every month at 04:00 UTC",
            "monthly 31 04:00|on day 31 of every month (or its last day) at 04:00 UTC",
    })
    void describesItselfForPeople(String cadence, String words) {
        assertEquals(words, CADENCES.get(cadence).describe());
    }
}
