package dev.lifeboat.site;

import java.time.Duration;

/**
 * How long each part of a site restore or rebuild may take, and how often it looks. Tests pass short ones.
 *
 * @param poll          between reads of a deploy or the site (Netlify's own client polls every 2 s)
 * @param callTimeout   a step that only calls Netlify (publishing a deploy, triggering a build)
 * @param liveTimeout   a published (or built) deploy becoming the site's live one
 * @param buildTimeout  a build, from enqueued to ready or error
 * @param verifyTimeout the site answering once the deploy is live
 * @param probeEvery    between probes while verifying
 * @param probeTimeout  one probe
 */
public record SiteTimings(Duration poll, Duration callTimeout, Duration liveTimeout, Duration buildTimeout,
                          Duration verifyTimeout, Duration probeEvery, Duration probeTimeout) {
    public static final SiteTimings DEFAULT = new SiteTimings(Duration.ofSeconds(2), Duration.ofMinutes(2),
            Duration.ofMinutes(3), Duration.ofMinutes(45), Duration.ofMinutes(3), Duration.ofSeconds(5),
            Duration.ofSeconds(10));
}
