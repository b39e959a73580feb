package dev.lifeboat.probe;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one HTTP probe.
 *
 * @param url       the URL probed (shown without its query string)
 * @param outcome   how it went
 * @param status    the final HTTP status after redirects, when a response arrived
 * @param latency   time until the final response headers (or until the failure)
 * @param redirects how many redirects were followed
 * @param finalUrl  where the redirects ended
 * @param detail    a short human explanation of a failure (e.g. "certificate not trusted")
 */
public record ProbeResult(
        URI url,
        Outcome outcome,
        Optional<Integer> status,
        Duration latency,
        int redirects,
        URI finalUrl,
        String detail) {

    public enum Outcome {
        /** 2xx or 3xx at the end of the redirects. */
        UP,
        /** An answer, but 4xx or 5xx. */
        HTTP_ERROR,
        /** The host name does not resolve. */
        DNS_FAILURE,
        /** Connection refused, reset, or no route. */
        CONNECT_FAILURE,
        /** TLS handshake or certificate failure. */
        TLS_FAILURE,
        /** No answer within the timeout. */
        TIMEOUT,
        /** Too many redirects. */
        REDIRECT_LOOP
    }

    public boolean up() {
        return outcome == Outcome.UP;
    }

    /** "200 in 123 ms", "503 in 40 ms", "timed out after 3800 ms", "connection reset", "DNS lookup failed". */
    public String describe() {
        long ms = latency.toMillis();
        return switch (outcome) {
            case UP, HTTP_ERROR -> status.map(String::valueOf).orElse("?") + " in " + ms + " ms"
                    + (redirects > 0 ? " (after " + redirects + (redirects == 1 ? " redirect)" : " redirects)") : "")
                    + (outcome == Outcome.HTTP_ERROR && status.orElse(0) == 503 && detail != null && !detail.isEmpty() ? " — " + detail : "");
            case TIMEOUT -> "timed out after " + ms + " ms";
            case DNS_FAILURE -> "DNS lookup failed" + suffix();
            case CONNECT_FAILURE -> detail == null || detail.isEmpty() ? "connection failed" : detail;
            case TLS_FAILURE -> "TLS failed" + suffix();
            case REDIRECT_LOOP -> "too many redirects (" + redirects + ")";
        };
    }

    private String suffix() {
        return detail == null || detail.isEmpty() ? "" : ": " + detail;
    }
}
