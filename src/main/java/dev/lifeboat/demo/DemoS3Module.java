package dev.lifeboat.demo;

import com.google.inject.AbstractModule;
import dev.lifeboat.s3.OffsiteStore;
import jakarta.inject.Singleton;

/** The demo offsite store in place of {@link dev.lifeboat.s3.S3Module}. Needs a {@link java.time.Clock} bound. */
public final class DemoS3Module extends AbstractModule {
    @Override
    protected void configure() {
        bind(DemoS3.class).in(Singleton.class);
        bind(OffsiteStore.class).to(DemoS3.class);
    }
}
