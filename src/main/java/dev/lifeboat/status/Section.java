package dev.lifeboat.status;

import java.util.List;

/**
 * One section of the status report.
 *
 * @param name   "App", "Database", "Website", "Platforms"
 * @param health its state
 * @param facts  what it is based on, mrkdwn, one per line
 */
public record Section(String name, Health health, List<String> facts) {
    public Section {
        facts = List.copyOf(facts);
    }
}
