package dev.lifeboat.incident;

import dev.lifeboat.statuspage.IncidentStatus;
import java.time.Instant;

/**
 * One line of an incident's timeline: who, when, what; and whether the status page and Slack have been told.
 *
 * @param seq          1, 2, … in order
 * @param actor        a mention ({@code <@U0123>}, {@code alice (console)}) or {@code Lifeboat}
 * @param status       the incident's status after this entry
 * @param page         whether it goes to the status page, and whether it got there
 * @param notice       {@link Delivery#NONE}: a line of the incident message; otherwise a channel message of its own
 * @param fallbackSent told to the fallback webhook while Slack could not be reached
 */
public record TimelineEntry(String incidentId, int seq, Instant at, String actor, Kind kind, IncidentStatus status,
                            String text, Delivery page, Delivery notice, boolean fallbackSent) {

    /** What an entry says happened. */
    public enum Kind { OPENED, UPDATE, RESOLVED, RUN, PAGE_FAILED, PAGE_CAUGHT_UP, REMINDER }

    /** Whether something is owed to a system. */
    public enum Delivery { NONE, PENDING, DONE }

    /** An entry to append; the store numbers it. */
    public record New(Instant at, String actor, Kind kind, IncidentStatus status, String text, boolean forPage,
                      boolean notice) {
        /** Opened, updated, resolved: what people (and the reminder) count as an update. */
        public boolean isUpdate() {
            return kind == Kind.OPENED || kind == Kind.UPDATE || kind == Kind.RESOLVED;
        }
    }
}
