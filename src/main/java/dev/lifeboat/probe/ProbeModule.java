package dev.lifeboat.probe;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;

/** The real HTTP probe. */
public final class ProbeModule extends AbstractModule {
    @Provides
    @Singleton
    Probe probe(OkHttpClient shared) {
        return new HttpProbe(shared);
    }
}
