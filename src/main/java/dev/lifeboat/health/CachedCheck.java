package dev.lifeboat.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A health check that costs the checked system at most one call per {@code fresh} period, however many health
 * requests arrive: the answer is kept that long, and while a check runs every request waits for that same one (at
 * most {@code wait}; after that the part is {@code no_answer}, and that answer is kept too). The check runs on its own
 * thread, so a hung system never holds more than that one thread.
 */
public final class CachedCheck implements HealthPart {
    private static final Logger log = LoggerFactory.getLogger(CachedCheck.class);

    private final String name;
    private final Supplier<PartHealth> check;
    private final long freshNanos;
    private final Duration wait;
    private final LongSupplier nanoTime;
    private final ExecutorService thread;
    private PartHealth last;
    private long lastAt;
    private CompletableFuture<PartHealth> running;

    public CachedCheck(String name, Duration fresh, Duration wait, Supplier<PartHealth> check) {
        this(name, fresh, wait, check, System::nanoTime);
    }

    CachedCheck(String name, Duration fresh, Duration wait, Supplier<PartHealth> check, LongSupplier nanoTime) {
        this.name = name;
        this.check = check;
        this.freshNanos = fresh.toNanos();
        this.wait = wait;
        this.nanoTime = nanoTime;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "lifeboat-health-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PartHealth check() {
        CompletableFuture<PartHealth> answer;
        synchronized (this) {
            if (last != null && nanoTime.getAsLong() - lastAt < freshNanos) {
                return last;
            }
            if (running == null) {
                CompletableFuture<PartHealth> started = CompletableFuture.supplyAsync(this::safely, thread);
                running = started;
                answer = started;
                // Runs here at once if the check already ended; either way it clears `running` for the next one.
                started.thenAccept(this::remember);
            } else {
                answer = running;
            }
        }
        try {
            return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            PartHealth noAnswer = PartHealth.down("no_answer");
            synchronized (this) {
                // Requests during the next moment answer at once instead of each waiting again.
                if (running == answer) {
                    last = noAnswer;
                    lastAt = nanoTime.getAsLong();
                }
            }
            return noAnswer;
        } catch (ExecutionException e) {
            return PartHealth.down("check_failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PartHealth.down("no_answer");
        }
    }

    private PartHealth safely() {
        try {
            return check.get();
        } catch (RuntimeException e) {
            log.warn("event=health_check_failed part={} error=\"{}\"", name, e.getClass().getSimpleName());
            return PartHealth.down("check_failed");
        }
    }

    private synchronized void remember(PartHealth result) {
        last = result;
        lastAt = nanoTime.getAsLong();
        running = null;
    }

    /** Stops the check's thread (Lifeboat is stopping). */
    public void close() {
        thread.shutdownNow();
    }
}
