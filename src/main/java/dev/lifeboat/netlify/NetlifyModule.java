package dev.lifeboat.netlify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.NetlifySettings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.http.ApiAuthInterceptor;
import dev.lifeboat.http.InvalidIdException;
import dev.lifeboat.http.PathId;
import dev.lifeboat.http.RetryInterceptor;
import dev.lifeboat.http.RetryPolicy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Binds {@link NetlifySite} to the real Netlify API client. Needs {@link NetlifySettings} (from the config module)
 * and the shared {@link OkHttpClient} and {@link ObjectMapper} (from {@code HttpModule}).
 */
public final class NetlifyModule extends AbstractModule {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Restores and build triggers answer in a few seconds; a slow list of files can take longer. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Provides
    @Singleton
    @ForNetlify
    OkHttpClient netlifyHttpClient(OkHttpClient shared, NetlifySettings settings) {
        return httpClient(shared, settings.apiUrl(), token(settings), CONNECT_TIMEOUT, READ_TIMEOUT,
                new RetryInterceptor(RetryPolicy.DEFAULT));
    }

    @Provides
    @Singleton
    NetlifySite netlifySite(@ForNetlify OkHttpClient http, ObjectMapper json, NetlifySettings settings) {
        return client(http, json, settings);
    }

    /**
     * The Netlify variant of the shared client: the bearer token (to {@code apiUrl}'s origin only, no redirects),
     * timeouts, then retries (GET only).
     */
    static OkHttpClient httpClient(OkHttpClient shared, URI apiUrl, Secret token, Duration connectTimeout,
                                   Duration readTimeout, RetryInterceptor retry) {
        return ApiAuthInterceptor.bearer(apiUrl, Optional.of(token), Map.of()).install(shared.newBuilder())
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .addInterceptor(retry)
                .build();
    }

    static NetlifyClient client(OkHttpClient http, ObjectMapper json, NetlifySettings settings) {
        HttpUrl apiUrl = HttpUrl.get(settings.apiUrl().toString());
        String siteId = settings.siteId().orElseThrow(() ->
                new ConfigException(List.of("NETLIFY_SITE_ID is required to use Netlify")));
        if (!PathId.isValid(PathId.Kind.NETLIFY_SITE, siteId)) {
            throw new ConfigException(List.of("NETLIFY_SITE_ID: " + new InvalidIdException(PathId.Kind.NETLIFY_SITE,
                    siteId).getMessage() + " Use the Site ID shown in the site's configuration on Netlify."));
        }
        return new NetlifyClient(http, json, new NetlifyErrors(settings.apiUrl(), settings.statusUrl()), apiUrl, siteId);
    }

    private static Secret token(NetlifySettings settings) {
        return settings.authToken().orElseThrow(() ->
                new ConfigException(List.of("NETLIFY_AUTH_TOKEN is required to use Netlify")));
    }
}
