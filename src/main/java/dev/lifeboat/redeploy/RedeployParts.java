package dev.lifeboat.redeploy;

import dev.lifeboat.github.GitHubRepo;
import dev.lifeboat.heroku.HerokuBuilds;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.probe.Probe;
import dev.lifeboat.restore.RestoreTargets;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What the redeploy steps work with. A system that is not configured answers with the variable to set, which the
 * step reports as its failure (nothing is changed by a step that cannot reach its system).
 */
final class RedeployParts {
    private final Optional<HerokuPlatform> heroku;
    private final Optional<HerokuBuilds> builds;
    private final Optional<GitHubRepo> github;
    final Probe probe;
    final RestoreTargets targets;
    final RedeployTimings timings;

    @Inject
    RedeployParts(Optional<HerokuPlatform> heroku, Optional<HerokuBuilds> builds, Optional<GitHubRepo> github,
                  Probe probe, RestoreTargets targets, RedeployTimings timings) {
        this.heroku = heroku;
        this.builds = builds;
        this.github = github;
        this.probe = probe;
        this.targets = targets;
        this.timings = timings;
    }

    HerokuPlatform heroku() {
        return heroku.orElseThrow(() -> new IllegalStateException(
                "Heroku is not configured: set HEROKU_API_KEY and HEROKU_APP."));
    }

    HerokuBuilds builds() {
        return builds.orElseThrow(() -> new IllegalStateException(
                "Heroku is not configured: set HEROKU_API_KEY and HEROKU_APP."));
    }

    GitHubRepo github() {
        return github.orElseThrow(() -> new IllegalStateException(
                "GitHub is not configured: set LIFEBOAT_GITHUB_REPO (and GITHUB_TOKEN for a private repository)."));
    }

    boolean hasHeroku() {
        return heroku.isPresent() && builds.isPresent();
    }

    boolean hasGitHub() {
        return github.isPresent();
    }
}
