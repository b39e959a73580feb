package dev.lifeboat.netlify;

import dev.lifeboat.http.RetryInterceptor.Sleeper;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Polls a deploy until it is ready or fails, or a deadline passes, telling a callback about every state change.
 * Netlify's own Go client polls every 2 seconds; so does this by default. A failed poll (after the GET retries)
 * propagates as {@link NetlifyException}.
 */
public final class DeployFollower {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final NetlifySite site;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;

    @Inject
    public DeployFollower(NetlifySite site) {
        this(site, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), DEFAULT_INTERVAL);
    }

    public DeployFollower(NetlifySite site, Clock clock, Sleeper sleeper, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.site = site;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
    }

    /**
     * Follows {@code deployId} for at most {@code timeout}.
     *
     * @param onChange called with the deploy each time its state differs from the last poll (and on the first)
     */
    public DeployOutcome follow(String deployId, Duration timeout, Consumer<Deploy> onChange) throws InterruptedException {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        DeployState last = null;
        while (true) {
            Deploy deploy = site.deploy(deployId);
            if (deploy.state() != last) {
                last = deploy.state();
                onChange.accept(deploy);
            }
            if (deploy.isReady()) {
                return new DeployOutcome.Ready(deploy);
            }
            if (deploy.state().isFinal()) {
                return new DeployOutcome.Failed(deploy, reason(deploy));
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                return new DeployOutcome.TimedOut(deploy, Duration.between(start, now));
            }
            Duration left = Duration.between(now, deadline);
            sleeper.sleep(left.compareTo(interval) < 0 ? left : interval);
        }
    }

    private static String reason(Deploy deploy) {
        if (deploy.errorMessage() != null && !deploy.errorMessage().isBlank()) {
            return deploy.errorMessage();
        }
        return switch (deploy.state()) {
            case CANCELED -> "it was canceled";
            case REJECTED -> "it was rejected in review";
            default -> "Netlify gave no error message; see the deploy log";
        };
    }
}
