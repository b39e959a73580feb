package dev.lifeboat.slack;

import dev.lifeboat.config.Redact;
import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.http.RetryInterceptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaching Slack at start, without giving up on a passing outage: checks the tokens ({@link SlackCheck}) and opens
 * the runtime (Bolt's HTTP app, or the Socket Mode connection), retrying with {@link ConnectBackoff} for as long as
 * the answer is "not known yet". Until it succeeds, the {@link HealthBoard} says why Lifeboat is not ready. Only a
 * definite refusal of a token ends the attempts: {@link #outcome()} then completes with {@link SlackCheck.Refused}.
 */
@Singleton
public final class SlackConnection {
    static final String COMPONENT = "slack";
    private static final Logger log = LoggerFactory.getLogger(SlackConnection.class);

    /** Opens what serves Slack once the tokens are good: Bolt's {@code app.start()}, or the Socket Mode client. */
    @FunctionalInterface
    interface Opener {
        void open() throws Exception;
    }

    private final Supplier<SlackCheck.Result> check;
    private final HealthBoard health;
    private final ConnectBackoff backoff;
    private final RetryInterceptor.Sleeper sleeper;
    private final CompletableFuture<SlackCheck.Result> outcome = new CompletableFuture<>();
    private volatile boolean ready;
    private volatile String problem = "checking the Slack token (auth.test)";
    private volatile Thread thread;

    @Inject
    SlackConnection(SlackCheck check, HealthBoard health, ConnectBackoff backoff) {
        this(check::check, health, backoff, duration -> Thread.sleep(duration.toMillis()));
    }

    SlackConnection(Supplier<SlackCheck.Result> check, HealthBoard health, ConnectBackoff backoff,
                    RetryInterceptor.Sleeper sleeper) {
        this.check = check;
        this.health = health;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /** Starts trying in the background; Lifeboat is not ready until the first success. */
    void start(Opener opener) {
        health.report(COMPONENT, HealthBoard.Severity.NOT_READY, "starting", problem);
        Thread worker = new Thread(() -> connect(opener), "lifeboat-slack-connect");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    /** Completes with {@link SlackCheck.Accepted} once serving, or {@link SlackCheck.Refused} when a token is bad. */
    public CompletableFuture<SlackCheck.Result> outcome() {
        return outcome;
    }

    /** True once Slack accepted the tokens and the runtime is open. */
    public boolean ready() {
        return ready;
    }

    /** Why Lifeboat is not serving Slack yet, for a person. */
    String problem() {
        return problem;
    }

    /** Stops trying (Lifeboat is stopping). */
    void stop() {
        Thread worker = thread;
        if (worker != null && !ready) {
            worker.interrupt();
        }
    }

    /** Tries until accepted, refused or interrupted. */
    void connect(Opener opener) {
        for (int attempt = 1; ; attempt++) {
            SlackCheck.Result result = attempt(opener);
            if (result instanceof SlackCheck.Accepted accepted) {
                ready = true;
                health.clear(COMPONENT);
                log.info("event=slack_connected team=\"{}\" bot=\"{}\" attempts={}", accepted.team(), accepted.botUser(), attempt);
                outcome.complete(accepted);
                return;
            }
            if (result instanceof SlackCheck.Refused refused) {
                problem = refused.reason();
                health.report(COMPONENT, HealthBoard.Severity.NOT_READY, "refused", refused.reason());
                log.error("event=slack_refused reason=\"{}\"", refused.reason());
                outcome.complete(refused);
                return;
            }
            Duration wait = backoff.delay(attempt, ThreadLocalRandom.current().nextDouble());
            String reason = ((SlackCheck.Unknown) result).reason();
            problem = reason;
            health.report(COMPONENT, HealthBoard.Severity.NOT_READY, "starting", reason + "; retrying in " + seconds(wait)
                    + " (attempt " + attempt + ")");
            log.warn("event=slack_unreachable attempt={} retry_in_ms={} reason=\"{}\"", attempt, wait.toMillis(), reason);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                log.info("event=slack_connect_stopped attempts={}", attempt);
                outcome.cancel(false);
                return;
            }
        }
    }

    private SlackCheck.Result attempt(Opener opener) {
        SlackCheck.Result result = check.get();
        if (!(result instanceof SlackCheck.Accepted)) {
            return result;
        }
        try {
            opener.open();
            return result;
        } catch (Exception e) {
            // The tokens were just accepted, so a failure here is a passing one (a dropped connection, say).
            return new SlackCheck.Unknown("Slack accepted the token but the connection could not be opened: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Redact.text(e.getMessage())));
        }
    }

    private static String seconds(Duration wait) {
        long ms = wait.toMillis();
        return ms < 10_000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0) : Math.round(ms / 1000.0) + " s";
    }
}
