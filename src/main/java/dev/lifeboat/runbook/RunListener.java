package dev.lifeboat.runbook;

/**
 * Told about every change of every run, after it is persisted: the Slack adapter edits the run's message and
 * replies in its thread, the console prints the steps, the audit log records them. A listener must not block the
 * run for long and must not throw: the engine logs and ignores a listener's failure.
 */
public interface RunListener {
    void changed(Run run, RunEvent event);
}
