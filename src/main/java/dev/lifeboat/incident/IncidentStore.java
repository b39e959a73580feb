package dev.lifeboat.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Incidents in the state store, shared by every Lifeboat instance on it. State changes are compare-and-set, and the
 * store keeps one open incident per service ({@link #post}).
 */
public interface IncidentStore {
    /** How {@link #post} went. */
    record Posted(boolean posted, Optional<String> openIncident) {
        public static Posted ok() {
            return new Posted(true, Optional.empty());
        }
    }

    void createDraft(IncidentRecord draft);

    Optional<IncidentRecord> find(String id);

    /** The open incident of {@code service}, if any. */
    Optional<IncidentRecord> openIn(String service);

    /** Every open incident. */
    List<IncidentRecord> open();

    /** Incidents (open or resolved) that still owe Slack or the status page something. */
    List<IncidentRecord> owing();

    /** Replaces a draft's announcement; false when it is no longer a draft. */
    boolean editDraft(String id, String message);

    /** A draft discarded; false when it is no longer a draft. */
    boolean discardDraft(String id);

    /**
     * The draft becomes the service's open incident, with {@code opened} as its first entry. Refused, naming the open
     * one, when the service already has one; not posted (and no open one named) when it is no longer a draft.
     */
    Posted post(String id, TimelineEntry.New opened);

    /** Appends an entry (an update sets the status and the time of the last update); its number. */
    int append(String id, TimelineEntry.New entry);

    /** OPEN → RESOLVED with its closing entry, freeing the service; false when it was not open. */
    boolean resolve(String id, TimelineEntry.New resolved);

    /** Appends a reminder unless another was appended since {@code previous} (of several instances, one wins). */
    boolean remind(String id, Optional<Instant> previous, TimelineEntry.New reminder);

    List<TimelineEntry> timeline(String id);

    void slackPosted(String id, String channel, String ts);

    /** The channel message now shows the first {@code version} entries. */
    void slackDelivered(String id, int version);

    void noticeDone(String id, int seq);

    void fallbackSent(String id, int seq);

    void pageCreated(String id, String pageIncidentId);

    void pageDone(String id, int seq);

    /** Why the status page is behind, or empty once it caught up. */
    void pageError(String id, Optional<String> error);
}
