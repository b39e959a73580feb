package dev.lifeboat.probe;

import dev.lifeboat.probe.ProbeResult.Outcome;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;

/**
 * Probes a URL with a GET, following up to {@value #MAX_REDIRECTS} redirects by hand (so they can be counted), and
 * tells DNS, connect, TLS, reset and timeout failures apart, in words. Bodies are never read beyond the headers.
 *
 * <p>Probes have a client of their own (its own connection pool), so another system's faults never reach them. A
 * kept-alive connection the site closed while it sat in the pool is not the site being down: when a reused
 * connection fails before an answer, the probe tries once more on a fresh connection.
 */
public final class HttpProbe implements Probe {
    static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "Lifeboat-probe/0.1";

    private final OkHttpClient client;

    public HttpProbe() {
        this(new OkHttpClient.Builder().connectionPool(new ConnectionPool(4, 1, TimeUnit.MINUTES)).build());
    }

    /** {@code base} supplies the pool; probes never follow redirects themselves nor retry silently. */
    HttpProbe(OkHttpClient base) {
        this.client = base.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    @Override
    public ProbeResult probe(URI url, Duration timeout) {
        long start = System.nanoTime();
        HttpUrl current = HttpUrl.get(url);
        int redirects = 0;
        boolean retried = false;
        while (true) {
            long left = Math.max(1, timeout.toNanos() - (System.nanoTime() - start));
            Reuse reuse = new Reuse();
            OkHttpClient timed = client.newBuilder()
                    .callTimeout(Duration.ofNanos(left))
                    .connectTimeout(Duration.ofNanos(left))
                    .readTimeout(Duration.ofNanos(left))
                    .eventListener(reuse)
                    .build();
            Request request = new Request.Builder().url(current).get()
                    .header("Cache-Control", "no-cache")
                    .header("Accept", "*/*")
                    .header("User-Agent", USER_AGENT)
                    .build();
            try (Response response = timed.newCall(request).execute()) {
                Duration latency = Duration.ofNanos(System.nanoTime() - start);
                int code = response.code();
                String location = response.header("Location");
                if (response.isRedirect() && location != null) {
                    HttpUrl next = current.resolve(location);
                    if (next == null || redirects >= MAX_REDIRECTS) {
                        return new ProbeResult(url, Outcome.REDIRECT_LOOP, Optional.of(code), latency, redirects,
                                current.uri(), "stopped at " + redirects + " redirects");
                    }
                    redirects++;
                    current = next;
                    continue;
                }
                Outcome outcome = code < 400 ? Outcome.UP : Outcome.HTTP_ERROR;
                String detail = herokuError(response);
                return new ProbeResult(url, outcome, Optional.of(code), latency, redirects, current.uri(), detail);
            } catch (IOException e) {
                Duration latency = Duration.ofNanos(System.nanoTime() - start);
                Outcome outcome = classify(e);
                if (!retried && reuse.reused && outcome == Outcome.CONNECT_FAILURE && latency.compareTo(timeout) < 0) {
                    // The pooled connection was dead (closed by the server while idle): that says nothing about
                    // the site. Drop idle connections and ask again on a fresh one.
                    client.connectionPool().evictAll();
                    retried = true;
                    continue;
                }
                return new ProbeResult(url, outcome, Optional.empty(), latency, redirects, current.uri(),
                        explain(e, latency));
            }
        }
    }

    /** Whether the call went out on a pooled connection (no new connection was opened for it). */
    private static final class Reuse extends EventListener {
        private volatile boolean connected;
        private volatile boolean reused;

        @Override
        public void connectStart(@NotNull Call call, @NotNull java.net.InetSocketAddress address,
                                 @NotNull java.net.Proxy proxy) {
            connected = true;
        }

        @Override
        public void connectionAcquired(@NotNull Call call, @NotNull okhttp3.Connection connection) {
            reused = !connected;
        }
    }

    /** Heroku's router names its errors (H10 app crashed, H12 timeout…) in a response header on 503s. */
    private static String herokuError(Response response) {
        String code = response.header("X-Heroku-Error");
        return code == null ? "" : "Heroku router " + code;
    }

    static Outcome classify(IOException e) {
        if (e instanceof UnknownHostException) {
            return Outcome.DNS_FAILURE;
        }
        if (e instanceof SSLException) {
            return Outcome.TLS_FAILURE;
        }
        if (isTimeout(e)) {
            return Outcome.TIMEOUT;
        }
        return Outcome.CONNECT_FAILURE;
    }

    private static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout");
    }

    /** What happened, in words: never a bare exception class name. */
    static String explain(IOException e, Duration latency) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof UnknownHostException) {
            return "host not found";
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return "certificate does not match the host";
        }
        if (e instanceof SSLHandshakeException) {
            if (message.contains("pkix") || message.contains("certification path")) {
                return "certificate not trusted";
            }
            if (message.contains("expired") || message.contains("notafter")) {
                return "certificate expired";
            }
            return "handshake failed";
        }
        if (e instanceof SSLException) {
            return "TLS connection failed";
        }
        if (isTimeout(e)) {
            return "timed out after " + latency.toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return message.contains("timed out") ? "connect timed out" : "connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (message.contains("canceled") || message.contains("cancelled")) {
            return "cancelled before an answer";
        }
        if (message.contains("reset")) {
            return "connection reset";
        }
        if (e instanceof EOFException || message.contains("end of stream") || message.contains("unexpected end")) {
            return "connection closed before a response";
        }
        if (message.contains("broken pipe")) {
            return "connection broken while sending the request";
        }
        if (e instanceof SocketException) {
            return "connection failed";
        }
        return "connection failed before a response";
    }
}
