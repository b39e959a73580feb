package dev.lifeboat.http;

import dev.lifeboat.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;

/**
 * Sends a system's credential ({@code Authorization: Bearer …} or {@code OAuth …}) and its fixed headers only to
 * that system's own API origin: the same scheme, host and port as its configured root. Installed as a <em>network</em>
 * interceptor ({@link #install}), it sees every hop, including any redirect: a hop to another origin never gets the
 * credential, and loses any {@code Authorization} header and this system's fixed headers carried over from the
 * previous hop. The API clients also follow no redirects at all ({@link #install} turns them off), so a redirecting
 * API answer is reported, not followed.
 */
public final class ApiAuthInterceptor implements Interceptor {
    private final String scheme;
    private final String host;
    private final int port;
    private final Optional<String> authorization;
    private final Map<String, String> headers;

    private ApiAuthInterceptor(URI baseUrl, Optional<String> authorization, Map<String, String> headers) {
        HttpUrl base = HttpUrl.get(baseUrl);
        this.scheme = base.scheme();
        this.host = base.host();
        this.port = base.port();
        this.authorization = authorization;
        this.headers = Map.copyOf(headers);
    }

    /**
     * {@code Authorization: Bearer <token>} for {@code baseUrl}'s origin; when the token is absent none is sent (the
     * API then answers 401). {@code headers} are fixed headers for that origin, e.g. {@code Accept}.
     */
    public static ApiAuthInterceptor bearer(URI baseUrl, Optional<Secret> token, Map<String, String> headers) {
        return new ApiAuthInterceptor(baseUrl, token.map(secret -> "Bearer " + secret.reveal()), headers);
    }

    /** {@code Authorization: OAuth <key>} (Statuspage's manage API) for {@code baseUrl}'s origin. */
    public static ApiAuthInterceptor oauth(URI baseUrl, Secret key) {
        return new ApiAuthInterceptor(baseUrl, Optional.of("OAuth " + key.reveal()), Map.of());
    }

    /**
     * An API client built on {@code builder}: this interceptor on every network hop, and no redirects followed (an
     * API that answers 3xx is reported as such; nothing is sent to where it points).
     */
    public OkHttpClient.Builder install(OkHttpClient.Builder builder) {
        return builder.followRedirects(false).followSslRedirects(false).addNetworkInterceptor(this);
    }

    @NotNull
    @Override
    public Response intercept(@NotNull Chain chain) throws IOException {
        Request request = chain.request();
        Request.Builder builder = request.newBuilder();
        if (isOwnOrigin(request.url())) {
            headers.forEach(builder::header);
            authorization.ifPresent(value -> builder.header("Authorization", value));
        } else {
            builder.removeHeader("Authorization");
            headers.forEach((name, value) -> {
                if (value.equals(request.header(name))) {
                    builder.removeHeader(name); // carried over from an API hop; a caller's own value stays
                }
            });
        }
        return chain.proceed(builder.build());
    }

    boolean isOwnOrigin(HttpUrl url) {
        return url.scheme().equals(scheme) && url.host().equalsIgnoreCase(host) && url.port() == port;
    }
}
