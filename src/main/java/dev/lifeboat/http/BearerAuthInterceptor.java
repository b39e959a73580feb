package dev.lifeboat.http;

import dev.lifeboat.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;

/**
 * Adds {@code Authorization: Bearer …} and a system's fixed headers to calls to that system's own host only. Calls the
 * same client makes elsewhere (a log stream, a presigned download) never carry the token.
 */
public final class BearerAuthInterceptor implements Interceptor {
    private final String host;
    private final int port;
    private final Optional<Secret> token;
    private final Map<String, String> headers;

    /**
     * @param baseUrl the system's API root; only requests to its host and port are touched
     * @param token   the bearer token; when absent no Authorization header is sent (the API then answers 401)
     * @param headers fixed headers for that host, e.g. {@code Accept}
     */
    public BearerAuthInterceptor(URI baseUrl, Optional<Secret> token, Map<String, String> headers) {
        HttpUrl base = HttpUrl.get(baseUrl);
        this.host = base.host();
        this.port = base.port();
        this.token = token;
        this.headers = Map.copyOf(headers);
    }

    @NotNull
    @Override
    public Response intercept(@NotNull Chain chain) throws IOException {
        Request request = chain.request();
        if (!forOwnHost(request.url())) {
            return chain.proceed(request);
        }
        Request.Builder builder = request.newBuilder();
        headers.forEach(builder::header);
        token.ifPresent(secret -> builder.header("Authorization", "Bearer " + secret.reveal()));
        return chain.proceed(builder.build());
    }

    private boolean forOwnHost(HttpUrl url) {
        return url.host().equalsIgnoreCase(host) && url.port() == port;
    }
}
