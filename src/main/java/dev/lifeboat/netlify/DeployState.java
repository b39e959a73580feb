package dev.lifeboat.netlify;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.lifeboat.http.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Netlify deploy's {@code state}. Values Netlify adds later read as {@link #UNKNOWN} rather than failing the
 * whole response.
 */
public enum DeployState {
    NEW("new"),
    PENDING_REVIEW("pending_review"),
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    ENQUEUED("enqueued"),
    BUILDING("building"),
    UPLOADING("uploading"),
    UPLOADED("uploaded"),
    PREPARING("preparing"),
    PREPARED("prepared"),
    PROCESSING("processing"),
    PROCESSED("processed"),
    READY("ready"),
    ERROR("error"),
    RETRYING("retrying"),
    CANCELED("canceled"),
    UNKNOWN("unknown");

    private final String json;

    DeployState(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static DeployState fromJson(String value) {
        return WireEnums.parse(values(), DeployState::json, value, UNKNOWN);
    }

    /** Built and live-able: it can be (or is) published. */
    public boolean isReady() {
        return this == READY;
    }

    /** The build or upload failed. */
    public boolean isFailed() {
        return this == ERROR;
    }

    /** Still on its way to ready or error (including waiting for review or a retry). */
    public boolean isInProgress() {
        return switch (this) {
            case NEW, PENDING_REVIEW, ACCEPTED, ENQUEUED, BUILDING, UPLOADING, UPLOADED, PREPARING, PREPARED,
                    PROCESSING, PROCESSED, RETRYING -> true;
            default -> false;
        };
    }

    /** Will not change any more: ready, error, rejected or canceled. */
    public boolean isFinal() {
        return this == READY || this == ERROR || this == REJECTED || this == CANCELED;
    }
}
