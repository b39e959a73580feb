package dev.lifeboat.restore;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signed URLs given to {@code restore URL}, by run id, in this process's memory only: a run's parameters never hold a
 * secret. Forgotten once the restore has started at Heroku (its step never asks again); at most {@link #KEPT} are
 * held, the oldest dropped first (cards that were never confirmed). A run confirmed on another Lifeboat instance, or
 * resumed after a restart before its restore started, does not find its URL and says so before anything changes
 * (preflight) or at the restore step.
 */
@Singleton
final class SignedUrls {
    /** What a run says when its signed URL is not in this process. */
    static final String LOST = "The URL given for this restore is not held by this Lifeboat (signed URLs are kept "
            + "only in memory, and Lifeboat restarted or another instance took the confirmation). Ask again with "
            + "`/dr restore URL`.";
    static final int KEPT = 100;

    private final Map<String, URI> byRun = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, URI> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void keep(String runId, URI url) {
        byRun.put(runId, url);
    }

    synchronized Optional<URI> find(String runId) {
        return Optional.ofNullable(byRun.get(runId));
    }

    synchronized void forget(String runId) {
        byRun.remove(runId);
    }
}
