package dev.lifeboat.runbook;

/** Another run holds the target: the request is refused, naming the run in the way. */
public final class RunConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String holder;

    public RunConflictException(String target, String holder) {
        super(target + " is held by run " + holder);
        this.holder = holder;
    }

    /** The id of the run that holds the target. */
    public String holder() {
        return holder;
    }
}
