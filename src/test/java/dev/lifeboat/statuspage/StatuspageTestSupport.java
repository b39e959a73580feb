package dev.lifeboat.statuspage;

import dev.lifeboat.testing.ManualClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.StatuspageSettings;
import dev.lifeboat.http.HttpModule;
import dev.lifeboat.http.Json;
import dev.lifeboat.http.RetryInterceptor;
import dev.lifeboat.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** Builds the Statuspage client against a test server, as {@link StatuspageModule} does, minus real sleeps. */
final class StatuspageTestSupport {
    static final String KEY = "9f2c4e6a-8b0d-4f1a-a3c5-e7b9d1f3SECRET";
    static final String PAGE_ID = "q8w2e4r6t8y0";
    static final String PAGE_PATH = "/v1/pages/" + PAGE_ID;
    static final ObjectMapper JSON = Json.newMapper();
    static final OkHttpClient SHARED = Guice.createInjector(new HttpModule()).getInstance(OkHttpClient.class);

    private StatuspageTestSupport() {
    }

    static StatuspageSettings settings(String serverUrl) {
        return new StatuspageSettings(Optional.of(new Secret(KEY)), Optional.of(PAGE_ID), URI.create(serverUrl + "/v1"));
    }

    /**
     * The real client with a short read timeout. Retry back-offs are recorded into {@code retryWaits} and spacing
     * waits into {@code spacingWaits}; both move {@code clock} instead of sleeping.
     */
    static StatuspageClient client(String serverUrl, Duration readTimeout, ManualClock clock, List<Duration> retryWaits,
                                   List<Duration> spacingWaits) {
        OkHttpClient http = StatuspageModule.httpClient(SHARED, settings(serverUrl).apiUrl(), new Secret(KEY),
                Duration.ofSeconds(2), readTimeout,
                new RetryInterceptor(RetryPolicy.DEFAULT, d -> {
                    retryWaits.add(d);
                    clock.advance(d);
                }),
                new RequestSpacing(RequestSpacing.STATUSPAGE_INTERVAL, clock, d -> {
                    spacingWaits.add(d);
                    clock.advance(d);
                }));
        return StatuspageModule.client(http, JSON, settings(serverUrl));
    }

    static String fixture(String name) {
        try (InputStream in = StatuspageTestSupport.class.getResourceAsStream("/fixtures/statuspage/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
