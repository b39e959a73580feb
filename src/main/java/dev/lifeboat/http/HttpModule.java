package dev.lifeboat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import java.util.concurrent.TimeUnit;

/**
 * The one shared {@link OkHttpClient} and {@link ObjectMapper}. Each system derives its own variant with
 * {@code newBuilder()} (timeouts, auth and retry interceptors), sharing the pool and dispatcher.
 */
public final class HttpModule extends AbstractModule {
    public static final String USER_AGENT = "Lifeboat/0.1 (+https://github.com/lifeboat-dr/lifeboat)";

    @Provides
    @Singleton
    OkHttpClient okHttpClient() {
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(60))
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", USER_AGENT).build()))
                .build();
    }

    @Provides
    @Singleton
    ObjectMapper objectMapper() {
        return Json.newMapper();
    }
}
