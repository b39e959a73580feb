package dev.lifeboat;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.lifeboat.demo.DemoHeroku;
import dev.lifeboat.demo.DemoNetlify;
import dev.lifeboat.demo.DemoHerokuBuilds;
import dev.lifeboat.demo.DemoPgBackups;
import dev.lifeboat.github.GitHubRepo;
import dev.lifeboat.heroku.HerokuBuilds;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.pgbackups.BackupDownloads;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.s3.OffsiteStore;
import dev.lifeboat.statuspage.StatusPage;

/**
 * Declares every guarded system as optional: a command injects {@code Optional<HerokuPlatform>} and says
 * "not configured (set HEROKU_API_KEY and HEROKU_APP)" when it is absent. The real or simulated module that
 * {@link Wiring} chooses binds the interface itself.
 */
final class SystemsModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), HerokuPlatform.class);
        OptionalBinder.newOptionalBinder(binder(), HerokuBuilds.class);
        OptionalBinder.newOptionalBinder(binder(), GitHubRepo.class);
        OptionalBinder.newOptionalBinder(binder(), PgBackups.class);
        OptionalBinder.newOptionalBinder(binder(), BackupDownloads.class);
        OptionalBinder.newOptionalBinder(binder(), NetlifySite.class);
        OptionalBinder.newOptionalBinder(binder(), StatusPage.class);
        OptionalBinder.newOptionalBinder(binder(), OffsiteStore.class);
        OptionalBinder.newOptionalBinder(binder(), DemoHeroku.class);
        OptionalBinder.newOptionalBinder(binder(), DemoPgBackups.class);
        OptionalBinder.newOptionalBinder(binder(), DemoNetlify.class);
        OptionalBinder.newOptionalBinder(binder(), DemoHerokuBuilds.class);
    }
}
