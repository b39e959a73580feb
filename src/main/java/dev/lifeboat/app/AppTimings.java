package dev.lifeboat.app;

import java.time.Duration;

/**
 * How long each part of an app runbook may take, and how often it looks. Tests pass a {@code Waiter} that does not
 * really sleep; the defaults fit Heroku.
 *
 * @param callTimeout    a step that only calls an API (maintenance, restart, starting a rollback), retries included
 * @param dynoPoll       between reads of the dynos after a restart (the first read waits this long too: Heroku may
 *                       show a dyno as {@code up} for a moment before it restarts)
 * @param dynosTimeout   how long restarted dynos may take to be {@code up} (Heroku's boot timeout is 60 s a try)
 * @param releasePoll    between reads of a new release
 * @param releaseTimeout how long a release phase may run (Heroku stops one after an hour)
 * @param verifyTimeout  the app answering, after a restart or a rollback
 * @param probeEvery     between probes while verifying
 * @param probeTimeout   one probe
 * @param logsTimeLimit  reading a log session or a release's output
 */
public record AppTimings(Duration callTimeout, Duration dynoPoll, Duration dynosTimeout, Duration releasePoll,
                         Duration releaseTimeout, Duration verifyTimeout, Duration probeEvery, Duration probeTimeout,
                         Duration logsTimeLimit) {
    public static final AppTimings DEFAULT = new AppTimings(Duration.ofMinutes(5), Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofMinutes(5),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10));
}
