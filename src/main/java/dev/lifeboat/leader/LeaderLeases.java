package dev.lifeboat.leader;

import java.time.Instant;
import java.util.Optional;

/**
 * Named leases in the state store, shared by every Lifeboat instance on it: who holds one decides who does the work
 * that must happen once (monitors, schedules, announcements). The store decides each claim atomically.
 */
public interface LeaderLeases {
    /** Who holds a lease, and until when. */
    record Holder(String owner, Instant until) {
    }

    /**
     * Takes or renews {@code name} for {@code owner} until {@code until}: succeeds when nobody holds it, {@code owner}
     * already does, or the holder's lease ran out before {@code now}. Of several instances claiming at once, one wins.
     */
    boolean hold(String name, String owner, Instant now, Instant until);

    /** Gives {@code name} up if {@code owner} holds it (a clean stop), so another instance takes over at once. */
    void release(String name, String owner);

    Optional<Holder> holder(String name);
}
