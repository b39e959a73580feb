package dev.lifeboat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LIFEBOAT_SCHEDULE_DAILY, _WEEKLY and _MONTHLY: defaults, accepted forms, and a problem naming the variable. */
class ScheduleSettingsTest {
    static ScheduleSettings load(Map<String, String> env) {
        return LifeboatConfig.load(Env.of(env)).schedule();
    }

    @Test
    void defaultsAreDailyAt0330WeeklyOnMondayAt0900AndMonthlyOnThe1stAt0400() {
        ScheduleSettings s = load(Map.of());
        assertEquals(ScheduleSettings.DEFAULT, s);
        Map<String, String> described = LifeboatConfig.load(Env.of(Map.of())).describe();
        assertEquals("03:30", described.get("LIFEBOAT_SCHEDULE_DAILY"));
        assertEquals("mon 09:00", described.get("LIFEBOAT_SCHEDULE_WEEKLY"));
        assertEquals("1 04:00", described.get("LIFEBOAT_SCHEDULE_MONTHLY"));
    }

    @ParameterizedTest(name = "daily={0} weekly={1} monthly={2}")
    @CsvSource({
            "05:00, fri 17:30,       15 02:15, 05:00, FRIDAY,    17:30, 15, 02:15",
            "7:05,  Sunday 00:00,    31 23:59, 07:05, SUNDAY,    00:00, 31, 23:59",
            "00:00, WED   12:00,     1 0:30,   00:00, WEDNESDAY, 12:00, 1,  00:30",
    })
    void acceptedForms(String daily, String weekly, String monthly, String dailyAt, DayOfWeek day, String weeklyAt,
                       int monthlyDay, String monthlyAt) {
        ScheduleSettings s = load(Map.of("LIFEBOAT_SCHEDULE_DAILY", daily, "LIFEBOAT_SCHEDULE_WEEKLY", weekly,
                "LIFEBOAT_SCHEDULE_MONTHLY", monthly));
        assertEquals(LocalTime.parse(dailyAt), s.dailyAt());
        assertEquals(day, s.weeklyDay());
        assertEquals(LocalTime.parse(weeklyAt), s.weeklyAt());
        assertEquals(monthlyDay, s.monthlyDay());
        assertEquals(LocalTime.parse(monthlyAt), s.monthlyAt());
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "LIFEBOAT_SCHEDULE_DAILY,   25:00",
            "LIFEBOAT_SCHEDULE_DAILY,   3.30",
            "LIFEBOAT_SCHEDULE_DAILY,   03:30 UTC",
            "LIFEBOAT_SCHEDULE_WEEKLY,  09:00",
            "LIFEBOAT_SCHEDULE_WEEKLY,  mo 09:00",
            "LIFEBOAT_SCHEDULE_WEEKLY,  monday 9",
            "LIFEBOAT_SCHEDULE_MONTHLY, 0 04:00",
            "LIFEBOAT_SCHEDULE_MONTHLY, 32 04:00",
            "LIFEBOAT_SCHEDULE_MONTHLY, first 04:00",
            "LIFEBOAT_SCHEDULE_MONTHLY, 1",
    })
    void malformedValuesAreAProblemNamingTheVariable(String name, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(name, value)));
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(value), e.getMessage());
    }
}
