package dev.lifeboat.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When a job is due, in UTC: every day at a time, every week on a day at a time, or every month on a day at a time (a
 * day past the month's end, 29 to 31, is that month's last day). Pure.
 */
public final class Cadence {
    private enum Kind { DAILY, WEEKLY, MONTHLY }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Kind kind;
    private final LocalTime at;
    private final DayOfWeek weekday;
    private final int dayOfMonth;

    private Cadence(Kind kind, LocalTime at, DayOfWeek weekday, int dayOfMonth) {
        this.kind = kind;
        this.at = at.withSecond(0).withNano(0);
        this.weekday = weekday;
        this.dayOfMonth = dayOfMonth;
    }

    public static Cadence daily(LocalTime at) {
        return new Cadence(Kind.DAILY, at, null, 0);
    }

    public static Cadence weekly(DayOfWeek day, LocalTime at) {
        return new Cadence(Kind.WEEKLY, at, day, 0);
    }

    public static Cadence monthly(int dayOfMonth, LocalTime at) {
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException("day of month must be 1 to 31, got " + dayOfMonth);
        }
        return new Cadence(Kind.MONTHLY, at, null, dayOfMonth);
    }

    /** The newest due time at or before {@code now}. */
    public Instant latestAtOrBefore(Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        LocalDate day = t.toLocalDate();
        Instant candidate = dueOn(periodStart(day));
        while (candidate.isAfter(now)) {
            day = periodStart(day).minusDays(1);
            candidate = dueOn(periodStart(day));
        }
        return candidate;
    }

    /** The first due time after {@code now}. */
    public Instant nextAfter(Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        LocalDate day = periodStart(t.toLocalDate());
        Instant candidate = dueOn(day);
        while (!candidate.isAfter(now)) {
            day = nextPeriod(day);
            candidate = dueOn(day);
        }
        return candidate;
    }

    /** "every day at 03:30 UTC", "every Monday at 09:00 UTC", "on day 1 of every month at 04:00 UTC". */
    public String describe() {
        String time = HH_MM.format(at) + " UTC";
        return switch (kind) {
            case DAILY -> "every day at " + time;
            case WEEKLY -> "every " + weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at " + time;
            case MONTHLY -> "on day " + dayOfMonth + " of every month" + (dayOfMonth > 28 ? " (or its last day)" : "")
                    + " at " + time;
        };
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The first day of the period holding {@code day}: the day itself, its week's Monday, its month's 1st. */
    private LocalDate periodStart(LocalDate day) {
        return switch (kind) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    private LocalDate nextPeriod(LocalDate start) {
        return switch (kind) {
            case DAILY -> start.plusDays(1);
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
        };
    }

    /** The due time within the period starting on {@code start}. */
    private Instant dueOn(LocalDate start) {
        LocalDate day = switch (kind) {
            case DAILY -> start;
            case WEEKLY -> start.with(TemporalAdjusters.nextOrSame(weekday));
            case MONTHLY -> start.withDayOfMonth(Math.min(dayOfMonth, start.lengthOfMonth()));
        };
        return day.atTime(at).toInstant(ZoneOffset.UTC);
    }
}
