package dev.lifeboat.demo;

import com.google.inject.AbstractModule;
import dev.lifeboat.pgbackups.BackupDownloads;
import dev.lifeboat.pgbackups.PgBackups;
import jakarta.inject.Singleton;

/**
 * The simulated Heroku Postgres backups API in place of {@code PgBackupsModule}. Needs a {@link java.time.Clock}
 * and {@link dev.lifeboat.config.HerokuSettings} bound elsewhere. {@link DemoPgBackups} itself is injectable, for
 * the practice controls, and is the same instance as the {@link PgBackups}.
 */
public final class DemoPgBackupsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(DemoPgBackups.class).in(Singleton.class);
        bind(PgBackups.class).to(DemoPgBackups.class);
        bind(BackupDownloads.class).to(DemoBackupDownloads.class).in(Singleton.class);
    }
}
