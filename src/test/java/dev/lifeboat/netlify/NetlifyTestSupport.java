package dev.lifeboat.netlify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import dev.lifeboat.config.NetlifySettings;
import dev.lifeboat.config.Secret;
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

/** Builds the Netlify client against a test server, exactly as {@link NetlifyModule} does, minus real sleeps. */
final class NetlifyTestSupport {
    static final String TOKEN = "nfp_T3stT0ken9f8e7d6c5b4a3SECRET";
    static final String SITE_ID = "b7c3a9d2-4e1f-4c8a-9d6b-0f2e5a7c1d3e";
    static final String API_PATH = "/api/v1";
    static final String SITE_PATH = API_PATH + "/sites/" + SITE_ID;
    static final ObjectMapper JSON = Json.newMapper();
    static final OkHttpClient SHARED = Guice.createInjector(new HttpModule()).getInstance(OkHttpClient.class);

    private NetlifyTestSupport() {
    }

    static NetlifySettings settings(String serverUrl) {
        return new NetlifySettings(Optional.of(new Secret(TOKEN)), Optional.of(SITE_ID),
                URI.create(serverUrl + API_PATH), URI.create(NetlifySettings.DEFAULT_STATUS_URL), Optional.empty());
    }

    /** The real client with a short read timeout and a retry policy whose waits are recorded, not slept. */
    static NetlifyClient client(String serverUrl, Duration readTimeout, List<Duration> waits) {
        RetryInterceptor retry = new RetryInterceptor(RetryPolicy.DEFAULT, waits::add);
        OkHttpClient http = NetlifyModule.httpClient(SHARED, settings(serverUrl).apiUrl(), new Secret(TOKEN),
                Duration.ofSeconds(2), readTimeout, retry);
        return NetlifyModule.client(http, JSON, settings(serverUrl));
    }

    static String fixture(String name) {
        try (InputStream in = NetlifyTestSupport.class.getResourceAsStream("/fixtures/netlify/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T parse(String fixture, Class<T> type) {
        try {
            return JSON.readValue(fixture(fixture), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Deploy> parseDeploys(String fixture) {
        try {
            return JSON.readValue(fixture(fixture),
                    JSON.getTypeFactory().constructCollectionType(List.class, Deploy.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
