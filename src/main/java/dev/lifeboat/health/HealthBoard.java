package dev.lifeboat.health;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is wrong with Lifeboat itself right now, as its parts report it: the Slack connection not yet verified, audit
 * writes failing, and so on. {@code /healthz} shows each problem's state word (see {@link Healthz}); the reason,
 * written for a person, is for the log and for tests, never for the public endpoint.
 */
@Singleton
public final class HealthBoard {
    /** How bad a problem is. */
    public enum Severity {
        /** Lifeboat serves, but something it should do is failing (e.g. audit writes). */
        DEGRADED,
        /** Lifeboat cannot serve requests yet (e.g. Slack not reachable at start). */
        NOT_READY
    }

    /** One reported problem: its state word for {@code /healthz} (e.g. {@code starting}), and why, for a person. */
    public record Problem(Severity severity, String state, String reason, Instant since) {
    }

    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final Clock clock;

    public HealthBoard() {
        this(Clock.systemUTC());
    }

    public HealthBoard(Clock clock) {
        this.clock = clock;
    }

    /** Reports (or updates) the problem of {@code component}; the first time it was seen is kept. */
    public void report(String component, Severity severity, String reason) {
        report(component, severity, severity == Severity.NOT_READY ? "not_ready" : "degraded", reason);
    }

    /** Reports (or updates) the problem of {@code component}, in state {@code state} (one word), because of {@code reason}. */
    public void report(String component, Severity severity, String state, String reason) {
        problems.compute(component, (k, old) -> new Problem(severity, state, reason,
                old == null ? clock.instant() : old.since()));
    }

    /** The problem of {@code component} is gone. */
    public void clear(String component) {
        problems.remove(component);
    }

    /** Every current problem, by component name. */
    public Map<String, Problem> problems() {
        return new TreeMap<>(problems);
    }

    /** False while any part reports that Lifeboat cannot serve. */
    public boolean ready() {
        return problems.values().stream().noneMatch(p -> p.severity() == Severity.NOT_READY);
    }
}
