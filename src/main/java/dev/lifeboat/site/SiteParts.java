package dev.lifeboat.site;

import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.probe.Probe;
import dev.lifeboat.status.StatusTargets;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;

/**
 * What the site steps work with. Netlify not configured: the commands say which variables to set, and a step that
 * still runs (a run resumed after the configuration changed) fails with the same words, changing nothing.
 */
final class SiteParts {
    static final String NOT_CONFIGURED = "Netlify is not configured: set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID.";

    private final Optional<NetlifySite> netlify;
    final Probe probe;
    final SiteTimings timings;
    private final Optional<URI> siteUrl;

    @Inject
    SiteParts(Optional<NetlifySite> netlify, Probe probe, SiteTimings timings, StatusTargets targets) {
        this.netlify = netlify;
        this.probe = probe;
        this.timings = timings;
        this.siteUrl = targets.siteUrl();
    }

    boolean hasNetlify() {
        return netlify.isPresent();
    }

    NetlifySite netlify() {
        return netlify.orElseThrow(() -> new IllegalStateException(NOT_CONFIGURED));
    }

    /** {@code SITE_URL} when set; otherwise the address Netlify gives for the site. */
    Optional<URI> configuredSiteUrl() {
        return siteUrl;
    }
}
