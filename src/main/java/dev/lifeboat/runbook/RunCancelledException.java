package dev.lifeboat.runbook;

/** Thrown out of {@link StepContext#sleep} when the run was cancelled: the step stops at this safe point. */
public final class RunCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunCancelledException(String byWhom) {
        super("cancelled by " + byWhom);
    }
}
