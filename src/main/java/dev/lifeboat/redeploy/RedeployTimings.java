package dev.lifeboat.redeploy;

import java.time.Duration;

/**
 * How long each part of a redeploy may take, and how often it looks. Tests pass short ones.
 *
 * @param poll           between reads of the build and of the release
 * @param callTimeout    a step that only calls an API (checking the commit, starting the build)
 * @param buildTimeout   the build, start to finish (Heroku stops a build after about an hour)
 * @param releaseTimeout the release and its release phase
 * @param verifyTimeout  the app answering after the release
 * @param probeEvery     between probes while verifying
 * @param probeTimeout   one probe
 * @param outputLines    how many of the last output lines a failed build or release phase shows
 * @param outputRead     how long reading an output stream may take
 */
public record RedeployTimings(Duration poll, Duration callTimeout, Duration buildTimeout, Duration releaseTimeout,
                              Duration verifyTimeout, Duration probeEvery, Duration probeTimeout, int outputLines,
                              Duration outputRead) {
    public static final RedeployTimings DEFAULT = new RedeployTimings(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofMinutes(5), Duration.ofSeconds(5),
            Duration.ofSeconds(10), 15, Duration.ofSeconds(20));
}
