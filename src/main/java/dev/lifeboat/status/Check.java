package dev.lifeboat.status;

import java.util.List;

/**
 * One line of the status report.
 *
 * @param name   e.g. "App", "Heroku platform"
 * @param health its state
 * @param facts  what it is based on, mrkdwn, one per line
 */
public record Check(String name, Health health, List<String> facts) {
    public Check {
        facts = List.copyOf(facts);
    }

    public static Check of(String name, Health health, String... facts) {
        return new Check(name, health, List.of(facts));
    }
}
