package dev.lifeboat.app;

import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.probe.Probe;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;

/**
 * What the app steps work with: Heroku, the probe, the timings and where the app answers. A step that cannot reach
 * Heroku because it is not configured fails with the variables to set, and changes nothing. Other runbooks that
 * touch the app (a production restore) build one of these from their own parts.
 */
public final class AppParts {
    private final Optional<HerokuPlatform> heroku;
    final Probe probe;
    final AppTimings timings;
    final Optional<URI> healthUrl;

    public AppParts(Optional<HerokuPlatform> heroku, Probe probe, AppTimings timings, Optional<URI> healthUrl) {
        this.heroku = heroku;
        this.probe = probe;
        this.timings = timings;
        this.healthUrl = healthUrl;
    }

    @Inject
    AppParts(Optional<HerokuPlatform> heroku, Probe probe, AppTimings timings, AppTargets targets) {
        this(heroku, probe, timings, targets.healthUrl());
    }

    HerokuPlatform heroku() {
        return heroku.orElseThrow(() -> new IllegalStateException(
                "Heroku is not configured: set HEROKU_API_KEY and HEROKU_APP."));
    }

    boolean hasHeroku() {
        return heroku.isPresent();
    }
}
