package dev.lifeboat.runbook;

/** What a confirmation, an approval or a cancel request came to, for the adapter to tell the person. */
public sealed interface Decision {
    /** It took effect; {@code run} is the run as it now stands. */
    record Done(Run run) implements Decision {
    }

    /** It did not, and {@code reason} says why in words for the person ("already started by <@U1>…"). */
    record Refused(String reason, java.util.Optional<Run> run) implements Decision {
    }

    static Decision refused(String reason, Run run) {
        return new Refused(reason, java.util.Optional.ofNullable(run));
    }
}
