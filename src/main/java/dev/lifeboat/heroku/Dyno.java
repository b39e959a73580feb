package dev.lifeboat.heroku;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One running dyno, from {@code GET /apps/{app}/dynos}.
 *
 * @param name    e.g. {@code web.1}
 * @param type    the process type, e.g. {@code web}
 * @param state   up, starting, idle, crashed or down
 * @param release the release the dyno runs
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Dyno(
        String id,
        String name,
        String type,
        DynoState state,
        String size,
        String command,
        ReleaseRef release,
        Instant createdAt,
        Instant updatedAt) {

    public Dyno {
        state = state == null ? DynoState.UNKNOWN : state;
    }

    /** The release a dyno runs: its id and version number. */
    public record ReleaseRef(String id, int version) {
    }
}
