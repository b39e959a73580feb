package dev.lifeboat.runbook;

import java.time.Duration;

/** Durations as a person reads them: "850 ms", "12 s", "4 min 12 s", "1 h 5 min". */
public final class Durations {
    private Durations() {
    }

    public static String words(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1_000) {
            return ms + " ms";
        }
        long s = ms / 1_000;
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return m / 60 + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
    }
}
