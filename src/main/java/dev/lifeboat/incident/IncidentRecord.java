package dev.lifeboat.incident;

import dev.lifeboat.statuspage.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An incident as persisted: its announcement, where it stands, and what Slack and the status page have been told.
 *
 * @param id             short and unique, e.g. {@code i-4k7m2q}
 * @param service        what is affected (the production app); one open incident per service
 * @param summary        the brief reason, also the status-page incident's name
 * @param message        the announcement customers read (the template with the summary, or as edited)
 * @param openedById     who opened it (a Slack user id or {@code console:NAME}): only they post their draft
 * @param openedBy       the same person as a mention, for messages
 * @param lastUpdateAt   when it was last opened, updated or reminded about (the reminder counts from here)
 * @param version        the number of timeline entries
 * @param slackVersion   the number of entries the channel message shows
 * @param pageIncidentId the status-page incident, once created
 * @param pageError      why the status page is behind, while it is
 */
public record IncidentRecord(String id, String service, Phase phase, String summary, String message,
                             IncidentStatus status, String openedById, String openedBy, Instant createdAt,
                             Optional<Instant> openedAt, Optional<Instant> resolvedAt, Optional<Instant> lastUpdateAt,
                             Optional<Instant> remindedAt, int version, Optional<String> slackChannel,
                             Optional<String> slackTs, int slackVersion, Optional<String> pageIncidentId,
                             Optional<String> pageError) {

    /** Where an incident stands. */
    public enum Phase {
        /** Shown privately to whoever opened it; nothing posted yet. */
        DRAFT,
        OPEN,
        RESOLVED,
        /** A draft cancelled before it was posted. */
        DISCARDED
    }

    /** A new draft. */
    public static IncidentRecord draft(String id, String service, String summary, String message, String openedById,
                                       String openedBy, Instant at) {
        return new IncidentRecord(id, service, Phase.DRAFT, summary, message, IncidentStatus.INVESTIGATING, openedById,
                openedBy, at, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    /** From opening to resolving (or to {@code now} while open). */
    public Duration duration(Instant now) {
        Instant from = openedAt.orElse(createdAt);
        return Duration.between(from, resolvedAt.orElse(now));
    }
}
