package dev.lifeboat.runbook;

import java.util.Optional;

/**
 * What just happened to a run, for its listeners. {@link Kind#notifies()} marks the events people should be
 * notified of (Slack: a thread reply); the others only change the run's one message.
 *
 * @param kind   what happened
 * @param stepId the step it happened to, when it was a step
 * @param text   a line for a person, e.g. the failure's reason
 */
public record RunEvent(Kind kind, Optional<String> stepId, String text) {
    public enum Kind {
        STARTED(true),
        WAITING_FOR_APPROVAL(true),
        APPROVED(true),
        STEP_STARTED(false),
        STEP_PROGRESS(false),
        STEP_FINISHED(false),
        STEP_FAILED(true),
        CANCEL_REQUESTED(true),
        RESUMED(true),
        FINISHED(true);

        private final boolean notifies;

        Kind(boolean notifies) {
            this.notifies = notifies;
        }

        public boolean notifies() {
            return notifies;
        }
    }

    public static RunEvent of(Kind kind, String text) {
        return new RunEvent(kind, Optional.empty(), text);
    }

    public static RunEvent step(Kind kind, String stepId, String text) {
        return new RunEvent(kind, Optional.of(stepId), text);
    }
}
