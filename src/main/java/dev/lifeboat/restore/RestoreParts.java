package dev.lifeboat.restore;

import dev.lifeboat.app.AppParts;
import dev.lifeboat.app.AppTimings;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.platformstatus.PlatformStatusSource;
import dev.lifeboat.probe.Probe;
import dev.lifeboat.s3.OffsiteStore;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * What the restore steps work with. A system that is not configured answers with the variable to set, which the
 * step reports as its failure (nothing is changed by a step that cannot reach its system).
 */
final class RestoreParts {
    private final Optional<HerokuPlatform> heroku;
    private final Optional<PgBackups> backups;
    private final Optional<OffsiteStore> offsite;
    final Probe probe;
    final Set<PlatformStatusSource> platforms;
    final DatabaseChecks checks;
    final RuntimeSettings runtime;
    final RestoreTimings timings;
    final RestoreTargets targets;
    final SignedUrls signedUrls;
    private final AppParts app;

    @Inject
    RestoreParts(Optional<HerokuPlatform> heroku, Optional<PgBackups> backups, Optional<OffsiteStore> offsite,
                 Probe probe, Set<PlatformStatusSource> platforms, DatabaseChecks checks, RuntimeSettings runtime,
                 RestoreTimings timings, RestoreTargets targets, SignedUrls signedUrls) {
        this.heroku = heroku;
        this.backups = backups;
        this.offsite = offsite;
        this.probe = probe;
        this.platforms = platforms;
        this.checks = checks;
        this.runtime = runtime;
        this.timings = timings;
        this.targets = targets;
        this.signedUrls = signedUrls;
        AppTimings d = AppTimings.DEFAULT;
        this.app = new AppParts(heroku, probe, new AppTimings(timings.callTimeout(), d.dynoPoll(), d.dynosTimeout(),
                d.releasePoll(), d.releaseTimeout(), timings.verifyTimeout(), timings.probeEvery(),
                timings.probeTimeout(), d.logsTimeLimit()), targets.healthUrl());
    }

    /** The production app's steps (maintenance, restart, verify), with the restore's timings. */
    AppParts app() {
        return app;
    }

    HerokuPlatform heroku() {
        return heroku.orElseThrow(() -> new IllegalStateException(
                "Heroku is not configured: set HEROKU_API_KEY and HEROKU_APP."));
    }

    PgBackups backups() {
        return backups.orElseThrow(() -> new IllegalStateException(
                "Heroku Postgres backups are not configured: set HEROKU_API_KEY and HEROKU_APP."));
    }

    OffsiteStore offsite() {
        return offsite.orElseThrow(() -> new IllegalStateException(
                "Offsite copies are not configured: set LIFEBOAT_BACKUP_BUCKET (and the AWS_* variables)."));
    }

    boolean hasOffsite() {
        return offsite.isPresent();
    }

    boolean hasHeroku() {
        return heroku.isPresent() && backups.isPresent();
    }
}
