package dev.lifeboat.statuspage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.StatuspageSettings;
import dev.lifeboat.http.ApiAuthInterceptor;
import dev.lifeboat.http.InvalidIdException;
import dev.lifeboat.http.PathId;
import dev.lifeboat.http.RetryInterceptor;
import dev.lifeboat.http.RetryPolicy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Binds {@link StatusPage} to the real Statuspage client. Needs {@link StatuspageSettings} (from the config
 * module) and the shared {@link OkHttpClient} and {@link ObjectMapper} (from {@code HttpModule}).
 */
public final class StatuspageModule extends AbstractModule {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    @Provides
    @Singleton
    @ForStatuspage
    OkHttpClient statuspageHttpClient(OkHttpClient shared, StatuspageSettings settings) {
        return httpClient(shared, settings.apiUrl(), key(settings), CONNECT_TIMEOUT, READ_TIMEOUT,
                new RetryInterceptor(RetryPolicy.DEFAULT),
                new RequestSpacing(RequestSpacing.STATUSPAGE_INTERVAL, Clock.systemUTC(),
                        d -> Thread.sleep(d.toMillis())));
    }

    @Provides
    @Singleton
    StatusPage statusPage(@ForStatuspage OkHttpClient http, ObjectMapper json, StatuspageSettings settings) {
        return client(http, json, settings);
    }

    /**
     * The Statuspage variant of the shared client: the OAuth key (to {@code apiUrl}'s origin only, no redirects),
     * timeouts, retries (GET only), then spacing.
     */
    static OkHttpClient httpClient(OkHttpClient shared, URI apiUrl, Secret key, Duration connectTimeout,
                                   Duration readTimeout, RetryInterceptor retry, RequestSpacing spacing) {
        return ApiAuthInterceptor.oauth(apiUrl, key).install(shared.newBuilder())
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .addInterceptor(retry)
                .addInterceptor(spacing)
                .build();
    }

    static StatuspageClient client(OkHttpClient http, ObjectMapper json, StatuspageSettings settings) {
        String pageId = settings.pageId().orElseThrow(() ->
                new ConfigException(List.of("STATUSPAGE_PAGE_ID is required to use Statuspage")));
        if (!PathId.isValid(PathId.Kind.STATUSPAGE_PAGE, pageId)) {
            throw new ConfigException(List.of("STATUSPAGE_PAGE_ID: " + new InvalidIdException(
                    PathId.Kind.STATUSPAGE_PAGE, pageId).getMessage()
                    + " The page id is shown under API info on manage.statuspage.io."));
        }
        return new StatuspageClient(http, json, new StatuspageErrors(settings.apiUrl()),
                HttpUrl.get(settings.apiUrl().toString()), pageId);
    }

    private static Secret key(StatuspageSettings settings) {
        return settings.apiKey().orElseThrow(() ->
                new ConfigException(List.of("STATUSPAGE_API_KEY is required to use Statuspage")));
    }
}
