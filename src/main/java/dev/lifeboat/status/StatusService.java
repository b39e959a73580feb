package dev.lifeboat.status;

import dev.lifeboat.command.ChangeListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hands out status facts so that a crowd costs one round of upstream calls: requests while a round is running wait
 * for it, and requests shortly after it ends reuse its answer (the report says "as of" when it was taken).
 */
@Singleton
public final class StatusService implements ChangeListener {
    private final FactsSource source;
    private final StatusTimings timings;
    private final Clock clock;
    private CompletableFuture<StatusFacts> current;
    private Instant finishedAt = Instant.MIN;

    @Inject
    public StatusService(FactsSource source, StatusTimings timings, Clock clock) {
        this.source = source;
        this.timings = timings;
        this.clock = clock;
    }

    /** After a change, the next request starts a fresh round instead of reusing a finished one. */
    @Override
    public synchronized void changed() {
        finishedAt = Instant.MIN;
        if (current != null && current.isDone()) {
            current = null;
        }
    }

    public StatusFacts facts() {
        return facts(Instant.MIN);
    }

    /**
     * Facts from a round taken after {@code seen} (the {@code asOf} of a round the caller already used): a round in
     * flight or just finished is still shared, but the monitor never counts one round twice.
     */
    public StatusFacts factsNewerThan(Instant seen) {
        return facts(seen);
    }

    private StatusFacts facts(Instant seen) {
        CompletableFuture<StatusFacts> round;
        boolean mine = false;
        synchronized (this) {
            boolean fresh = current != null && (!current.isDone()
                    || finishedAt.plus(timings.shareWindow()).isAfter(clock.instant())
                    && !current.isCompletedExceptionally() && current.join().asOf().isAfter(seen));
            if (!fresh || current.isCompletedExceptionally()) {
                current = new CompletableFuture<>();
                mine = true;
            }
            round = current;
        }
        if (mine) {
            try {
                StatusFacts facts = source.gather();
                synchronized (this) {
                    finishedAt = clock.instant();
                }
                round.complete(facts);
            } catch (RuntimeException e) {
                round.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return round.join();
        } catch (CompletionException e) {
            // Whoever shared the round gets the same answer its starter got (e.g. "busy"), not a wrapper of it.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
