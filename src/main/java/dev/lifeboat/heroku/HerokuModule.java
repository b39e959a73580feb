package dev.lifeboat.heroku;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.http.ApiAuthInterceptor;
import dev.lifeboat.http.RetryInterceptor;
import dev.lifeboat.http.RetryPolicy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The real Heroku Platform API. Needs {@link HerokuSettings} and the shared {@link OkHttpClient} and
 * {@link ObjectMapper} ({@code HttpModule}) bound elsewhere.
 */
public final class HerokuModule extends AbstractModule {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Provides
    @Singleton
    @ForHeroku
    OkHttpClient herokuHttp(OkHttpClient shared, HerokuSettings settings) {
        RetryInterceptor.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        return httpClient(shared, settings, CONNECT_TIMEOUT, READ_TIMEOUT, RetryPolicy.DEFAULT, sleeper,
                new RateLimitThrottle(sleeper));
    }

    @Provides
    @Singleton
    HerokuPlatform herokuPlatform(@ForHeroku OkHttpClient http, HerokuSettings settings, ObjectMapper json) {
        return new HerokuClient(http, settings.apiUrl(), json);
    }

    @Provides
    @Singleton
    HerokuBuilds herokuBuilds(@ForHeroku OkHttpClient http, HerokuSettings settings, ObjectMapper json) {
        return new HerokuBuildsClient(http, settings.apiUrl(), json);
    }

    /** The Heroku variant of the shared client; tests call this with short timeouts and sleepers that record. */
    static OkHttpClient httpClient(OkHttpClient shared, HerokuSettings settings, Duration connectTimeout,
                                   Duration readTimeout, RetryPolicy retries, RetryInterceptor.Sleeper sleeper,
                                   RateLimitThrottle throttle) {
        ApiAuthInterceptor auth = ApiAuthInterceptor.bearer(settings.apiUrl(), settings.apiKey(),
                Map.of("Accept", HerokuClient.ACCEPT));
        return auth.install(shared.newBuilder())
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .addInterceptor(new RetryInterceptor(retries, sleeper))
                .addInterceptor(throttle)
                .build();
    }
}
