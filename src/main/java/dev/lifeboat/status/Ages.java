package dev.lifeboat.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Human times: "3 h 12 min ago", "2026-11-27 02:17 UTC". */
public final class Ages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Ages() {
    }

    public static String ago(Instant now, Instant then) {
        if (then == null) {
            return "at an unknown time";
        }
        return age(Duration.between(then, now)) + " ago";
    }

    public static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return Math.max(0, d.toSeconds()) + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    public static String when(Instant instant) {
        return instant == null ? "unknown" : WHEN.format(instant);
    }

    public static String clock(Instant instant) {
        return CLOCK.format(instant);
    }
}
