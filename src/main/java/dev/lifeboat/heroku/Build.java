package dev.lifeboat.heroku;

import dev.lifeboat.config.Redact;
import java.time.Instant;
import java.util.Optional;

/**
 * A build of an app from source, from {@code POST /apps/{app}/builds} or {@code GET /apps/{app}/builds/{id}}. The
 * source blob's URL is not kept: for a private repository it carries a download token.
 *
 * @param id              the build's uuid
 * @param status          pending, succeeded or failed
 * @param version         what was built ({@code source_blob.version}: the commit sha Lifeboat sent)
 * @param outputStreamUrl where the build's output streams (a capability: never shown or logged)
 * @param releaseId       the release the build made, once it made one
 * @param createdAt       when the build was created
 * @param updatedAt       when it last changed
 */
public record Build(String id, BuildStatus status, Optional<String> version, Optional<String> outputStreamUrl,
                    Optional<String> releaseId, Instant createdAt, Instant updatedAt) {
    public Build {
        status = status == null ? BuildStatus.UNKNOWN : status;
    }

    /** Like the record's own, but the output stream URL shows without its query. */
    @Override
    public String toString() {
        return "Build[" + id + " " + status.wire() + ", version=" + version.orElse("?") + ", release="
                + releaseId.orElse("none") + ", createdAt=" + createdAt + ", outputStreamUrl="
                + outputStreamUrl.map(Redact::url).orElse("none") + "]";
    }
}
