package dev.lifeboat.restore;

import java.time.Duration;

/**
 * How long each part of a restore may take, and how often it looks. Tests pass short ones; the defaults fit Heroku
 * Postgres (a restore of a large database takes hours).
 *
 * @param poll            between reads of a transfer (the CLI's minimum is 3 s)
 * @param backupTimeout   the safety backup, start to finish
 * @param restoreTimeout  the restore's wait, start to finish
 * @param callTimeout     a step that only calls an API (maintenance, starting a transfer, restarting dynos)
 * @param statementTimeout each validation statement
 * @param verifyTimeout   the app answering after the restart
 * @param probeEvery      between probes while verifying
 * @param probeTimeout    one probe
 * @param presignFor      how long an offsite copy's URL handed to Heroku stays valid (a long restore reads it late)
 */
public record RestoreTimings(Duration poll, Duration backupTimeout, Duration restoreTimeout, Duration callTimeout,
                             Duration statementTimeout, Duration verifyTimeout, Duration probeEvery,
                             Duration probeTimeout, Duration presignFor) {
    public static final RestoreTimings DEFAULT = new RestoreTimings(Duration.ofSeconds(3), Duration.ofHours(4),
            Duration.ofHours(12), Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofMinutes(5),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(24));
}
