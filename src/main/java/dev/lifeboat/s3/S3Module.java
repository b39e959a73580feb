package dev.lifeboat.s3;

import dev.lifeboat.Lifecycle;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lifeboat.config.S3Settings;
import jakarta.inject.Singleton;

/**
 * The real offsite store. Needs {@link S3Settings} bound. Provides {@link OffsiteStore}, {@link S3Clients} (closed at
 * shutdown by the {@link Lifecycle}) and {@link S3Tuning}. No I/O here: clients are built when first injected.
 */
public final class S3Module extends AbstractModule {
    @Provides
    @Singleton
    S3Tuning tuning() {
        return S3Tuning.DEFAULT;
    }

    @Provides
    @Singleton
    S3Clients clients(S3Settings settings, S3Tuning tuning, Lifecycle lifecycle) {
        return lifecycle.manage(S3ClientFactory.clients(settings, tuning));
    }

    @Provides
    @Singleton
    OffsiteStore offsiteStore(S3Settings settings, S3Clients clients, S3Tuning tuning) {
        return S3ClientFactory.store(settings, clients, tuning);
    }
}
