package dev.lifeboat.monitor;

import java.time.Instant;
import java.util.Optional;

/**
 * What the monitor keeps in the state store per watched service (see {@link MonitorRules.Saved}): what was last
 * announced and when, so that neither a restart nor a new leader repeats an announcement. The store binds it
 * ({@code store/JdbcMonitorStates}).
 */
public interface MonitorStates {
    /** The saved state under {@code key} ({@code app:acme-prod}, {@code site:https://…}), if any. */
    Optional<MonitorRules.Saved> load(String key);

    void save(String key, MonitorRules.Saved saved, Instant at);
}
