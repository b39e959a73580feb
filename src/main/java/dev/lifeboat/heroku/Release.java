package dev.lifeboat.heroku;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lifeboat.config.Redact;
import java.time.Instant;
import java.util.List;

/**
 * One release of an app, from {@code GET /apps/{app}/releases} (or the answer to a rollback).
 *
 * @param version             the number the CLI shows as {@code v42}
 * @param current             whether this release is the one running
 * @param eligibleForRollback whether Heroku allows rolling back to it
 * @param user                who made it (may be {@code null})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Release(
        String id,
        int version,
        ReleaseStatus status,
        String description,
        User user,
        boolean current,
        boolean eligibleForRollback,
        Instant createdAt,
        Instant updatedAt,
        List<String> addonPlanNames,
        String outputStreamUrl) {

    public Release {
        status = status == null ? ReleaseStatus.UNKNOWN : status;
        description = description == null ? "" : description;
        addonPlanNames = addonPlanNames == null ? List.of() : List.copyOf(addonPlanNames);
    }

    /** {@code v42}, as the CLI and dashboard name releases. */
    public String label() {
        return "v" + version;
    }

    /** The email of whoever made the release, or {@code "unknown"}. */
    public String userEmail() {
        return user == null || user.email() == null ? "unknown" : user.email();
    }

    /** Like the record's own, but the output stream URL (a capability) shows without its query. */
    @Override
    public String toString() {
        return "Release[" + label() + " " + status.wire() + (current ? " current" : "")
                + (eligibleForRollback ? "" : " not-eligible-for-rollback") + ", id=" + id + ", description="
                + description + ", user=" + userEmail() + ", createdAt=" + createdAt
                + ", outputStreamUrl=" + Redact.url(outputStreamUrl) + "]";
    }

    /** The account that made a release. */
    public record User(String id, String email) {
    }
}
