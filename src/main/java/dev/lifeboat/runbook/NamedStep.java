package dev.lifeboat.runbook;

import java.time.Duration;

/** A {@link Step} whose key, title and timeout are fixed when it is built: only its work is left to write. */
public abstract class NamedStep implements Step {
    private final String id;
    private final String title;
    private final Duration timeout;

    protected NamedStep(String id, String title, Duration timeout) {
        this.id = id;
        this.title = title;
        this.timeout = timeout;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Duration timeout() {
        return timeout;
    }
}
