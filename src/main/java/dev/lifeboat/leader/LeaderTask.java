package dev.lifeboat.leader;

import java.time.Duration;

/**
 * Work that must happen once among all instances, every {@link #every()}: run by the leader only. Feature modules
 * add theirs ({@code Multibinder<LeaderTask>}). A task keeps in the store whatever must survive a change of leader
 * (a schedule's last run); what it keeps in memory (a monitor's count of failures) starts afresh on a new leader.
 */
public interface LeaderTask {
    /** A short name for logs, e.g. {@code monitor}. */
    String name();

    /** How often it runs while this instance leads; the first run comes as soon as it leads. */
    Duration every();

    void run() throws Exception;
}
