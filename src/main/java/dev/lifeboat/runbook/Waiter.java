package dev.lifeboat.runbook;

import java.time.Duration;

/** Waits between polls and retries; tests pass one that advances a manual clock instead of sleeping. */
@FunctionalInterface
public interface Waiter {
    void sleep(Duration duration) throws InterruptedException;

    Waiter REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));
}
