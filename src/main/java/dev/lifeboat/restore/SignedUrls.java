package dev.lifeboat.restore;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunListener;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed URLs given to {@code restore URL}, by run id, in this process's memory only: a run's parameters never hold a
 * secret. A run confirmed on another Lifeboat instance, or resumed after a restart before its restore started, does
 * not find its URL and says so before anything changes (preflight) or at the restore step. Forgotten when the
 * run ends.
 */
@Singleton
final class SignedUrls implements RunListener {
    /** What a run says when its signed URL is not in this process. */
    static final String LOST = "The URL given for this restore is not held by this Lifeboat (signed URLs are kept "
            + "only in memory, and Lifeboat restarted or another instance took the confirmation). Ask again with "
            + "`/dr restore URL`.";

    private final Map<String, URI> byRun = new ConcurrentHashMap<>();

    void keep(String runId, URI url) {
        byRun.put(runId, url);
    }

    Optional<URI> find(String runId) {
        return Optional.ofNullable(byRun.get(runId));
    }

    void forget(String runId) {
        byRun.remove(runId);
    }

    /** A run that ended no longer needs its URL. */
    @Override
    public void changed(Run run, RunEvent event) {
        if (run.state().finished()) {
            forget(run.id());
        }
    }
}
