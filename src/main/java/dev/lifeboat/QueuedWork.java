package dev.lifeboat;

/**
 * Work handed to an executor on someone's behalf. If Lifeboat stops before it starts, {@link #abandon()} tells that
 * person it will not run (so nobody waits for an answer that never comes).
 */
public interface QueuedWork extends Runnable {
    /** Says the work will not run; called at most once, instead of {@link #run()}. */
    void abandon();
}
