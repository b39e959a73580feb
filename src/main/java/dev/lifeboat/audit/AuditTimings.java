package dev.lifeboat.audit;

import java.time.Duration;

/**
 * How long the audit log waits for its store.
 *
 * @param startedWait  how long a changing command waits for its "started" entry to be stored before it is refused
 * @param queryTimeout how long {@code history} waits for its answer (JDBC query timeout, whole seconds, at least 1)
 */
public record AuditTimings(Duration startedWait, Duration queryTimeout) {
    public static final AuditTimings DEFAULT = new AuditTimings(Duration.ofSeconds(5), Duration.ofSeconds(5));

    public AuditTimings {
        if (queryTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the query timeout is whole seconds, at least 1");
        }
    }
}
