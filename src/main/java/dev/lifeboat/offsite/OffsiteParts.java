package dev.lifeboat.offsite;

import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.pgbackups.BackupDownloads;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.s3.OffsiteStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * What the backup commands and steps work with. A system that is not configured answers with the variable to set,
 * which a step reports as its failure.
 */
final class OffsiteParts {
    private final Optional<HerokuPlatform> heroku;
    private final Optional<PgBackups> backups;
    private final Optional<BackupDownloads> downloads;
    private final Optional<OffsiteStore> offsite;
    private final Optional<OffsiteLedger> ledger;
    final OffsiteTargets targets;
    final OffsiteTimings timings;
    final Clock clock;

    @Inject
    OffsiteParts(Optional<HerokuPlatform> heroku, Optional<PgBackups> backups, Optional<BackupDownloads> downloads,
                 Optional<OffsiteStore> offsite, Optional<OffsiteLedger> ledger, OffsiteTargets targets,
                 OffsiteTimings timings, Clock clock) {
        this.heroku = heroku;
        this.backups = backups;
        this.downloads = downloads;
        this.offsite = offsite;
        this.ledger = ledger;
        this.targets = targets;
        this.timings = timings;
        this.clock = clock;
    }

    boolean hasHeroku() {
        return heroku.isPresent() && backups.isPresent() && targets.app().isPresent();
    }

    boolean hasOffsite() {
        return offsite.isPresent() && downloads.isPresent();
    }

    String app() {
        return targets.app().orElseThrow(() -> new IllegalStateException("Heroku is not configured: set HEROKU_APP."));
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

    OffsiteCopier copier() {
        return new OffsiteCopier(downloads.orElseThrow(() -> new IllegalStateException(
                "Backup downloads are not configured: set HEROKU_API_KEY and HEROKU_APP.")), offsite(),
                ledger.orElseThrow(() -> new IllegalStateException("The state store is not available.")), clock);
    }
}
