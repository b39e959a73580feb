package dev.lifeboat.slack;

import dev.lifeboat.http.RetryInterceptor;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an answer to a request's {@code response_url}. Slack's answer 429 is retried after its {@code Retry-After}
 * (at most {@link #MAX_TRIES} tries, waiting at most {@link #MAX_WAIT} in all); a 5xx is retried once. The URL is
 * never logged: it lets anyone post into the conversation.
 */
final class ResponseUrlClient {
    static final int MAX_TRIES = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    static final Duration SERVER_ERROR_WAIT = Duration.ofMillis(500);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Logger log = LoggerFactory.getLogger(ResponseUrlClient.class);

    /** How a post ended: the last HTTP status (0 when none came) and the number of tries. */
    record Outcome(int status, int tries) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private final OkHttpClient http;
    private final RetryInterceptor.Sleeper sleeper;

    @Inject
    ResponseUrlClient(OkHttpClient shared) {
        this(shared, duration -> Thread.sleep(duration.toMillis()));
    }

    ResponseUrlClient(OkHttpClient shared, RetryInterceptor.Sleeper sleeper) {
        this.http = shared.newBuilder().readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(15)).build();
        this.sleeper = sleeper;
    }

    /** Posts {@code json}, retrying as described above. */
    Outcome post(String url, String json) {
        return post(url, json, MAX_TRIES);
    }

    /** Posts {@code json} once, without retrying (used while stopping, when there is no time to wait). */
    Outcome postOnce(String url, String json) {
        return post(url, json, 1);
    }

    private Outcome post(String url, String json, int maxTries) {
        Duration waited = Duration.ZERO;
        boolean serverErrorRetried = false;
        for (int tries = 1; ; tries++) {
            int status;
            String retryAfter;
            try (Response response = http.newCall(new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build())
                    .execute()) {
                status = response.code();
                retryAfter = response.header("Retry-After");
            } catch (IOException | IllegalArgumentException e) {
                log.warn("event=respond_failed tries={} error=\"{}\"", tries, e.getClass().getSimpleName());
                return new Outcome(0, tries);
            }
            if (status >= 200 && status < 300) {
                return new Outcome(status, tries);
            }
            Duration wait;
            if (status == 429) {
                wait = retryAfter(retryAfter);
            } else if (status >= 500 && !serverErrorRetried) {
                serverErrorRetried = true;
                wait = SERVER_ERROR_WAIT;
            } else {
                wait = null;
            }
            if (wait == null || tries >= maxTries || waited.plus(wait).compareTo(MAX_WAIT) > 0) {
                log.warn("event=respond_failed status={} tries={}", status, tries);
                return new Outcome(status, tries);
            }
            log.info("event=respond_retry status={} try={} wait_ms={}", status, tries, wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("event=respond_failed status={} tries={} error=interrupted", status, tries);
                return new Outcome(status, tries);
            }
            waited = waited.plus(wait);
        }
    }

    /** Slack sends whole seconds; a missing or odd value means one second. */
    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.trim());
                if (seconds >= 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                log.debug("event=retry_after_unreadable value_length={}", header.length());
            }
        }
        return Duration.ofSeconds(1);
    }
}
