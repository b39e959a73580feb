package dev.lifeboat.demo;

import dev.lifeboat.config.HerokuSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Stable ids shared by the simulated Heroku and the simulated backups API, so the two agree without talking. */
final class DemoIds {
    /** The simulated app when no HEROKU_APP is configured. */
    static final String DEFAULT_APP = "lifeboat-demo";
    /** The simulated staging app when no HEROKU_STAGING_APP is configured (restores and drills go there). */
    static final String DEFAULT_STAGING_APP = "lifeboat-demo-staging";

    /** How many nightly backups (and offsite copies of them) the demo world starts with. */
    static final int NIGHTLY = 12;
    /** The simulated database's size today; it grew by 1 MiB a night. */
    static final long DATABASE_BYTES = 262_144_000L;

    private DemoIds() {
    }

    /** When the n-th nightly backup (1 = oldest, {@link #NIGHTLY} = newest, at 02:00 UTC of the latest night) started. */
    static java.time.Instant nightlyStart(java.time.Instant now, int n) {
        java.time.Instant newest = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(java.time.Duration.ofHours(2));
        if (newest.plus(java.time.Duration.ofMinutes(20)).isAfter(now)) {
            newest = newest.minus(java.time.Duration.ofDays(1));
        }
        return newest.minus(java.time.Duration.ofDays(NIGHTLY - n));
    }

    /** The database size the n-th nightly backup read. */
    static long nightlySourceBytes(int n) {
        return DATABASE_BYTES - (NIGHTLY - n) * 1_048_576L;
    }

    /** The compressed dump of the n-th nightly backup, as Heroku reports it and as the offsite copy stores it. */
    static long nightlyDumpBytes(int n) {
        return nightlySourceBytes(n) * 36 / 100;
    }

    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String appId(String app) {
        return uuid("app:" + app);
    }

    static String addonId(String app) {
        return uuid("postgres-addon:" + app);
    }

    static String addonName(String app) {
        return "postgresql-" + (Math.abs(app.hashCode()) % 90_000 + 10_000) + "-demo";
    }

    /**
     * The apps to simulate: the configured production app (or {@value #DEFAULT_APP}) and the configured staging app
     * (or {@value #DEFAULT_STAGING_APP}).
     */
    static List<String> appNames(HerokuSettings settings) {
        List<String> names = new ArrayList<>();
        names.add(settings.app().orElse(DEFAULT_APP).toLowerCase(Locale.ROOT));
        Optional.of(settings.stagingApp().orElse(DEFAULT_STAGING_APP).toLowerCase(Locale.ROOT))
                .filter(name -> !names.contains(name)).ifPresent(names::add);
        return names;
    }
}
