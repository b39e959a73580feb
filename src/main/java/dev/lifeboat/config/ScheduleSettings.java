package dev.lifeboat.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * When the scheduled jobs run, in UTC.
 *
 * @param dailyAt     {@code LIFEBOAT_SCHEDULE_DAILY} ({@code HH:MM}): offsite copy and retention, backup freshness
 * @param weeklyDay   {@code LIFEBOAT_SCHEDULE_WEEKLY} ({@code DAY HH:MM}, e.g. {@code mon 09:00}): the weekly digest
 * @param weeklyAt    its time
 * @param monthlyDay  {@code LIFEBOAT_SCHEDULE_MONTHLY} ({@code N HH:MM}, e.g. {@code 1 04:00}): the restore drill; a
 *                    day past a month's end (29–31) means that month's last day
 * @param monthlyAt   its time
 */
public record ScheduleSettings(LocalTime dailyAt, DayOfWeek weeklyDay, LocalTime weeklyAt, int monthlyDay,
                               LocalTime monthlyAt) {
    public static final String DAILY = "LIFEBOAT_SCHEDULE_DAILY";
    public static final String WEEKLY = "LIFEBOAT_SCHEDULE_WEEKLY";
    public static final String MONTHLY = "LIFEBOAT_SCHEDULE_MONTHLY";
    public static final ScheduleSettings DEFAULT = new ScheduleSettings(LocalTime.of(3, 30), DayOfWeek.MONDAY,
            LocalTime.of(9, 0), 1, LocalTime.of(4, 0));

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public ScheduleSettings {
        if (monthlyDay < 1 || monthlyDay > 31) {
            throw new IllegalArgumentException("monthly day must be 1 to 31, got " + monthlyDay);
        }
    }

    /** Reads the three variables (each optional); every malformed one is a problem naming it. */
    static ScheduleSettings read(EnvReader r) {
        LocalTime daily = r.string(DAILY).flatMap(v -> time(v, DAILY + " must be HH:MM (UTC), e.g. 03:30, got '" + v
                + "'", r::problem)).orElse(DEFAULT.dailyAt());
        DayOfWeek weeklyDay = DEFAULT.weeklyDay();
        LocalTime weeklyAt = DEFAULT.weeklyAt();
        Optional<String> weekly = r.string(WEEKLY);
        if (weekly.isPresent()) {
            String[] parts = weekly.get().strip().split("\\s+");
            Optional<DayOfWeek> day = parts.length == 2 ? day(parts[0]) : Optional.empty();
            Optional<LocalTime> at = parts.length == 2 ? time(parts[1], "", p -> { }) : Optional.empty();
            if (day.isPresent() && at.isPresent()) {
                weeklyDay = day.get();
                weeklyAt = at.get();
            } else {
                r.problem(WEEKLY + " must be DAY HH:MM (UTC), e.g. mon 09:00, got '" + weekly.get() + "'");
            }
        }
        int monthlyDay = DEFAULT.monthlyDay();
        LocalTime monthlyAt = DEFAULT.monthlyAt();
        Optional<String> monthly = r.string(MONTHLY);
        if (monthly.isPresent()) {
            String[] parts = monthly.get().strip().split("\\s+");
            Optional<Integer> day = parts.length == 2 && parts[0].matches("\\d{1,2}") ? Optional.of(Integer.parseInt(parts[0]))
                    .filter(d -> d >= 1 && d <= 31) : Optional.empty();
            Optional<LocalTime> at = parts.length == 2 ? time(parts[1], "", p -> { }) : Optional.empty();
            if (day.isPresent() && at.isPresent()) {
                monthlyDay = day.get();
                monthlyAt = at.get();
            } else {
                r.problem(MONTHLY + " must be DAY-OF-MONTH HH:MM (UTC), the day 1 to 31, e.g. 1 04:00, got '"
                        + monthly.get() + "'");
            }
        }
        return new ScheduleSettings(daily, weeklyDay, weeklyAt, monthlyDay, monthlyAt);
    }

    public String dailyText() {
        return HH_MM.format(dailyAt);
    }

    public String weeklyText() {
        return weeklyDay.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT) + " " + HH_MM.format(weeklyAt);
    }

    public String monthlyText() {
        return monthlyDay + " " + HH_MM.format(monthlyAt);
    }

    private static Optional<LocalTime> time(String value, String problem, Consumer<String> problems) {
        String v = value.strip();
        if (v.matches("\\d{1,2}:\\d{2}")) {
            try {
                return Optional.of(LocalTime.parse(v.length() == 4 ? "0" + v : v, HH_MM));
            } catch (DateTimeParseException e) {
                // fall through: out of range (25:00, 10:61)
            }
        }
        problems.accept(problem);
        return Optional.empty();
    }

    private static Optional<DayOfWeek> day(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (w.length() >= 3 && full.startsWith(w)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
