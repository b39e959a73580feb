package dev.lifeboat.heroku;

import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.http.Json;
import dev.lifeboat.http.RetryInterceptor;
import dev.lifeboat.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;

/** Builds the real Heroku client against a test server, with short timeouts and sleepers that only record. */
final class HerokuTestSupport {
    static final String TOKEN = "HRKU-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    static final String APP = "lifeboat-prod";
    static final String ACCEPT = "application/vnd.heroku+json; version=3";

    private HerokuTestSupport() {
    }

    static HerokuSettings settings(String apiUrl) {
        return new HerokuSettings(Optional.of(new Secret(TOKEN)), Optional.of(APP), Optional.empty(),
                URI.create(apiUrl), URI.create(apiUrl), URI.create("https://status.heroku.com"), Optional.empty(), "/");
    }

    /** Records every pause instead of taking it. */
    static final class RecordingSleeper implements RetryInterceptor.Sleeper {
        final List<Duration> pauses = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            pauses.add(duration);
        }
    }

    static HerokuPlatform client(String apiUrl) {
        return client(apiUrl, Duration.ofSeconds(5), new RecordingSleeper(), new RateLimitThrottle(new RecordingSleeper()));
    }

    static HerokuPlatform client(String apiUrl, Duration readTimeout, RecordingSleeper retrySleeper,
                                 RateLimitThrottle throttle) {
        OkHttpClient http = HerokuModule.httpClient(new OkHttpClient(), settings(apiUrl), Duration.ofSeconds(2),
                readTimeout, RetryPolicy.DEFAULT, retrySleeper, throttle);
        return new HerokuClient(http, URI.create(apiUrl), Json.newMapper());
    }

    /** The Build API client, built as {@link HerokuModule} builds it. */
    static HerokuBuilds builds(String apiUrl) {
        OkHttpClient http = HerokuModule.httpClient(new OkHttpClient(), settings(apiUrl), Duration.ofSeconds(2),
                Duration.ofSeconds(5), RetryPolicy.DEFAULT, new RecordingSleeper(),
                new RateLimitThrottle(new RecordingSleeper()));
        return new HerokuBuildsClient(http, URI.create(apiUrl), Json.newMapper());
    }

    static String fixture(String name) {
        try (InputStream in = HerokuTestSupport.class.getResourceAsStream("/fixtures/heroku/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
