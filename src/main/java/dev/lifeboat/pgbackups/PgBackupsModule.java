package dev.lifeboat.pgbackups;

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
 * The real Heroku Postgres backups (data) API. Needs {@link HerokuSettings} (same token as the Platform API,
 * {@code dataApiUrl}) and the shared {@link OkHttpClient} and {@link ObjectMapper} ({@code HttpModule}).
 * {@link TransferPoller} is injectable as is.
 */
public final class PgBackupsModule extends AbstractModule {
    static final String ACCEPT = "application/vnd.heroku+json; version=3";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Provides
    @Singleton
    @ForPgBackups
    OkHttpClient pgBackupsHttp(OkHttpClient shared, HerokuSettings settings) {
        return httpClient(shared, settings, CONNECT_TIMEOUT, READ_TIMEOUT, RetryPolicy.DEFAULT,
                duration -> Thread.sleep(duration.toMillis()));
    }

    @Provides
    @Singleton
    PgBackups pgBackups(@ForPgBackups OkHttpClient http, HerokuSettings settings, ObjectMapper json) {
        return new PgBackupsClient(http, settings.dataApiUrl(), json);
    }

    @Provides
    @Singleton
    BackupDownloads backupDownloads(PgBackups backups, OkHttpClient shared) {
        return new HttpBackupDownloads(backups, shared);
    }

    /** The data API variant of the shared client; tests call this with short timeouts and a sleeper that records. */
    static OkHttpClient httpClient(OkHttpClient shared, HerokuSettings settings, Duration connectTimeout,
                                   Duration readTimeout, RetryPolicy retries, RetryInterceptor.Sleeper sleeper) {
        ApiAuthInterceptor auth = ApiAuthInterceptor.bearer(settings.dataApiUrl(), settings.apiKey(),
                Map.of("Accept", ACCEPT));
        return auth.install(shared.newBuilder())
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .addInterceptor(new RetryInterceptor(retries, sleeper))
                .build();
    }
}
