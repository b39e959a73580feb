package dev.lifeboat.status;

import dev.lifeboat.heroku.Release;
import dev.lifeboat.netlify.Deploy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the sections observed, for the verdict's diagnosis and the next steps. Every flag is set only from a fact that
 * was actually fetched: a fact that is missing leaves its flag at "not observed", and is named in {@link #unanswered}.
 */
final class Signals {
    /** The health check answered, with an error or not at all (observed). */
    boolean appDown;
    /** The health check answered normally (observed). */
    boolean appUp;
    Optional<Duration> appSlow = Optional.empty();
    boolean siteDown;
    boolean siteUp;
    Optional<Duration> siteSlow = Optional.empty();
    boolean maintenance;
    /** No web dyno is up and at least one has crashed. */
    boolean allWebCrashed;
    boolean someDynosCrashed;
    /** The dyno list was read and is empty. */
    boolean noDynos;
    Optional<Release> recentRelease = Optional.empty();
    Optional<Release> currentRelease = Optional.empty();
    /** Heroku's status page answered this round. */
    boolean herokuStatusKnown;
    Optional<String> herokuAppsIncident = Optional.empty();
    boolean herokuGreen;
    /** Netlify's status page answered this round. */
    boolean netlifyStatusKnown;
    Optional<String> netlifyIncident = Optional.empty();
    boolean netlifyGreen;
    List<String> backupProblems = new ArrayList<>();
    boolean backupStale;
    List<Deploy> failedDeploys = List.of();
    /** The checks that did not complete, e.g. "App (Dynos)". */
    List<String> unanswered = new ArrayList<>();
}
