package dev.lifeboat.platformstatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import jakarta.inject.Singleton;
import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.config.NetlifySettings;
import dev.lifeboat.http.RetryInterceptor;
import dev.lifeboat.http.RetryPolicy;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** The real status pages. Separate modules so the console can mix a real Heroku with a simulated Netlify. */
public final class PlatformStatusModule {
    private PlatformStatusModule() {
    }

    static OkHttpClient statusClient(OkHttpClient shared) {
        return shared.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(3))
                .addInterceptor(new RetryInterceptor(new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(2))))
                .build();
    }

    /** Heroku's status page, {@code HEROKU_STATUS_URL}. */
    public static final class Heroku extends AbstractModule {
        @ProvidesIntoSet
        @Singleton
        PlatformStatusSource heroku(OkHttpClient shared, ObjectMapper json, HerokuSettings settings) {
            return new HerokuStatusClient(statusClient(shared), json, settings.statusUrl());
        }
    }

    /** Netlify's Statuspage, {@code NETLIFY_STATUS_URL}. */
    public static final class Netlify extends AbstractModule {
        @ProvidesIntoSet
        @Singleton
        PlatformStatusSource netlify(OkHttpClient shared, ObjectMapper json, NetlifySettings settings) {
            return new StatuspageSummaryClient("Netlify", statusClient(shared), json, settings.statusUrl());
        }
    }
}
