package dev.lifeboat.probe;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;

/** The real HTTP probe, on a client of its own: the API clients' pools and faults never reach it. */
public final class ProbeModule extends AbstractModule {
    @Provides
    @Singleton
    Probe probe() {
        return new HttpProbe();
    }
}
