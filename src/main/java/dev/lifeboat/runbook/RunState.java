package dev.lifeboat.runbook;

/** Where a run stands, from the confirmation card to its end. */
public enum RunState {
    /** Shown on a confirmation card; nothing has changed and nothing is locked. */
    PROPOSED,
    /** Confirmed, holding its target, waiting for a second operator's approval. */
    WAITING_FOR_APPROVAL,
    /** Its steps are running (or will resume after a restart). */
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** Never confirmed or approved in time. */
    EXPIRED;

    /** The run is over: it holds nothing and will not resume. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == EXPIRED;
    }
}
