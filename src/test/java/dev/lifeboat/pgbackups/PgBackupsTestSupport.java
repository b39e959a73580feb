package dev.lifeboat.pgbackups;

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

/** Builds the real data API client against a test server, with short timeouts and a sleeper that records. */
final class PgBackupsTestSupport {
    static final String TOKEN = "HRKU-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    static final String APP = "lifeboat-prod";
    static final String APP_ID = "5f2c9b0e-6a43-4c1e-9f0b-2d7e8a1c3b45";
    static final String ADDON_ID = "8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8";
    static final String ACCEPT = "application/vnd.heroku+json; version=3";
    static final String CAPTURE_UUID = "0c48dbea-7e2c-5fce-af2c-8c0d3b1dd466";
    static final String RESTORE_UUID = "d3fa9b49-82b6-5589-a8c3-dde06ca52276";

    private PgBackupsTestSupport() {
    }

    static HerokuSettings settings(String dataApiUrl) {
        return new HerokuSettings(Optional.of(new Secret(TOKEN)), Optional.of(APP), Optional.empty(),
                URI.create("https://api.heroku.invalid"), URI.create(dataApiUrl), URI.create("https://status.heroku.com"),
                Optional.empty(), "/");
    }

    static final class RecordingSleeper implements RetryInterceptor.Sleeper {
        final List<Duration> pauses = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            pauses.add(duration);
        }
    }

    static PgBackups client(String dataApiUrl) {
        return client(dataApiUrl, Duration.ofSeconds(5), new RecordingSleeper());
    }

    static PgBackups client(String dataApiUrl, Duration readTimeout, RecordingSleeper sleeper) {
        OkHttpClient http = PgBackupsModule.httpClient(new OkHttpClient(), settings(dataApiUrl), Duration.ofSeconds(2),
                readTimeout, RetryPolicy.DEFAULT, sleeper);
        return new PgBackupsClient(http, URI.create(dataApiUrl), Json.newMapper());
    }

    static String fixture(String name) {
        try (InputStream in = PgBackupsTestSupport.class.getResourceAsStream("/fixtures/heroku/pg/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
