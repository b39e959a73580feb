package dev.lifeboat.app;

import dev.lifeboat.runbook.RunParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one rollback does, as the run's parameters hold it (so a resumed run rebuilds the same steps).
 *
 * @param app           the app
 * @param targetId      the release to go back to (its id: what Heroku's rollback takes)
 * @param targetVersion its version, for people
 * @param fromVersion   the release running when the card was shown
 */
record RollbackPlan(String app, String targetId, int targetVersion, int fromVersion) {
    static final String APP = "app";
    static final String TARGET_ID = "target-release";
    static final String TARGET_VERSION = "target-version";
    static final String FROM_VERSION = "from-version";

    /** e.g. "Roll back acme-prod from v112 to v110". */
    String title() {
        return "Roll back " + app + " from v" + fromVersion + " to v" + targetVersion;
    }

    Map<String, String> toParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(APP, app);
        p.put(TARGET_ID, targetId);
        p.put(TARGET_VERSION, Integer.toString(targetVersion));
        p.put(FROM_VERSION, Integer.toString(fromVersion));
        return p;
    }

    static RollbackPlan from(RunParams params) {
        return new RollbackPlan(params.require(APP), params.require(TARGET_ID),
                Integer.parseInt(params.require(TARGET_VERSION)), Integer.parseInt(params.require(FROM_VERSION)));
    }
}
