package dev.lifeboat.probe;

import dev.lifeboat.probe.ProbeResult.Outcome;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Probes a URL with a GET, following up to {@value #MAX_REDIRECTS} redirects by hand (so they can be counted), and
 * tells DNS, connect, TLS and timeout failures apart. Bodies are never read beyond the headers.
 */
public final class HttpProbe implements Probe {
    static final int MAX_REDIRECTS = 5;

    private final OkHttpClient client;

    public HttpProbe(OkHttpClient shared) {
        this.client = shared.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    @Override
    public ProbeResult probe(URI url, Duration timeout) {
        OkHttpClient timed = client.newBuilder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .build();
        long start = System.nanoTime();
        HttpUrl current = HttpUrl.get(url);
        int redirects = 0;
        while (true) {
            Request request = new Request.Builder().url(current).get()
                    .header("Cache-Control", "no-cache")
                    .header("Accept", "*/*")
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
                return new ProbeResult(url, classify(e), Optional.empty(), latency, redirects, current.uri(), explain(e));
            }
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
        if (e instanceof SocketTimeoutException
                || e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout")) {
            return Outcome.TIMEOUT;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return Outcome.CONNECT_FAILURE;
        }
        return Outcome.CONNECT_FAILURE;
    }

    private static String explain(IOException e) {
        if (e instanceof UnknownHostException) {
            return "host not found";
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return "certificate does not match the host";
        }
        if (e instanceof SSLHandshakeException) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("PKIX") || message.contains("certification path")) {
                return "certificate not trusted";
            }
            if (message.contains("expired") || message.contains("NotAfter")) {
                return "certificate expired";
            }
            return "handshake failed";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getClass().getSimpleName();
    }
}
