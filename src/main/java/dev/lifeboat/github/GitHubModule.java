package dev.lifeboat.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.GitHubSettings;
import dev.lifeboat.http.ApiAuthInterceptor;
import dev.lifeboat.http.RetryInterceptor;
import dev.lifeboat.http.RetryPolicy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Binds {@link GitHubRepo} to the real GitHub REST API. Needs {@link GitHubSettings} (from the config module) and the
 * shared {@link OkHttpClient} and {@link ObjectMapper} ({@code HttpModule}).
 */
public final class GitHubModule extends AbstractModule {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    /** GitHub's media type and the REST API version the shapes were taken from. */
    static final Map<String, String> HEADERS = Map.of("Accept", "application/vnd.github+json",
            "X-GitHub-Api-Version", "2022-11-28");

    @Provides
    @Singleton
    @ForGitHub
    OkHttpClient gitHubHttpClient(OkHttpClient shared, GitHubSettings settings) {
        return httpClient(shared, settings, new RetryInterceptor(RetryPolicy.DEFAULT));
    }

    @Provides
    @Singleton
    GitHubRepo gitHubRepo(@ForGitHub OkHttpClient http, ObjectMapper json, GitHubSettings settings) {
        return client(http, json, settings);
    }

    /**
     * The GitHub variant of the shared client: the token when set (to {@code GITHUB_API_URL}'s origin only, so never
     * to the codeload download), GitHub's headers, no redirects, timeouts, then retries (GET only).
     */
    static OkHttpClient httpClient(OkHttpClient shared, GitHubSettings settings, RetryInterceptor retry) {
        return ApiAuthInterceptor.bearer(settings.apiUrl(), settings.token(), HEADERS).install(shared.newBuilder())
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .addInterceptor(retry)
                .build();
    }

    static GitHubClient client(OkHttpClient http, ObjectMapper json, GitHubSettings settings) {
        if (settings.repo().isEmpty()) {
            throw new ConfigException(List.of("LIFEBOAT_GITHUB_REPO is required to build from GitHub (owner/name)"));
        }
        return new GitHubClient(http, json, new GitHubErrors(settings.apiUrl(), settings.token().isPresent()),
                HttpUrl.get(settings.apiUrl().toString()), settings.owner().orElseThrow(), settings.name().orElseThrow());
    }
}
