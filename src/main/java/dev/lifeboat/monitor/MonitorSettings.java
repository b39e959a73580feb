package dev.lifeboat.monitor;

import dev.lifeboat.config.RuntimeSettings;
import java.time.Duration;

/**
 * How the monitor runs.
 *
 * @param interval     a check every {@code LIFEBOAT_MONITOR_INTERVAL_SECONDS} (60)
 * @param downAfter    down after {@code LIFEBOAT_DOWN_AFTER_FAILURES} (3) observed failures in a row
 * @param autoIncident {@code LIFEBOAT_AUTO_INCIDENT}: a down app opens an incident
 * @param flapWindow   at most one down and one up message per service in this time ({@link MonitorRules#FLAP_WINDOW})
 */
public record MonitorSettings(Duration interval, int downAfter, boolean autoIncident, Duration flapWindow) {
    public static MonitorSettings from(RuntimeSettings runtime) {
        return new MonitorSettings(Duration.ofSeconds(runtime.monitorIntervalSeconds()), runtime.downAfterFailures(),
                runtime.autoIncident(), MonitorRules.FLAP_WINDOW);
    }
}
