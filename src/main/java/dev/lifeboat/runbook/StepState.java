package dev.lifeboat.runbook;

/** Where one step of a run stands. */
public enum StepState {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED,
    CANCELLED,
    WAITING_FOR_APPROVAL;

    /** The step will not run again in this run. */
    public boolean done() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == CANCELLED;
    }
}
