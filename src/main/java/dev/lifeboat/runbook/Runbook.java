package dev.lifeboat.runbook;

import java.util.List;

/**
 * A named recipe of steps, e.g. {@code restore}. Runbooks are registered by name (a Guice multibinder), so a run
 * resumed after a restart rebuilds its steps from its persisted parameters.
 */
public interface Runbook {
    /** The name runs are stored under, e.g. {@code restore}. */
    String name();

    /** The steps for these parameters, in order. Built the same way for the same parameters, always. */
    List<Step> steps(RunParams params);

    /**
     * The closing line when a run stopped at a failed step: the state the systems are left in and the sensible
     * next action ("Maintenance mode is ON: run `/dr maintenance off` …"). Never empty for a runbook that changes
     * something visible.
     */
    String afterFailure(Run run, StepRecord failed);

    /** The closing line when every step succeeded (e.g. RTO and RPO). */
    String afterSuccess(Run run);
}
