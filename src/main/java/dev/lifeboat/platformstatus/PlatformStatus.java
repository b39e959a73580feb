package dev.lifeboat.platformstatus;

import java.util.List;

/**
 * What a platform's public status page says right now.
 *
 * @param platform   "Heroku" or "Netlify"
 * @param level      the overall level
 * @param summary    the page's own one-line summary (e.g. "All Systems Operational")
 * @param systems    each system or component that is not fully operational, or all of them for Heroku
 * @param incidents  open incidents, newest first
 * @param pageUrl    the human status page
 */
public record PlatformStatus(
        String platform,
        Level level,
        String summary,
        List<SystemStatus> systems,
        List<Incident> incidents,
        String pageUrl) {

    public PlatformStatus {
        systems = List.copyOf(systems);
        incidents = List.copyOf(incidents);
    }

    /** Overall health, mapped from Heroku's green/yellow/red and Statuspage's none/minor/major/critical. */
    public enum Level {
        OPERATIONAL, DEGRADED, OUTAGE;

        public Level worst(Level other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    /** One system (Heroku "Apps", "Data", "Tools") or component (Netlify "CDN", "Builds"). */
    public record SystemStatus(String name, Level level, String detail) {
    }

    /** An open incident. {@code url} may be null when the page gives none. */
    public record Incident(String title, String status, String url, java.time.Instant createdAt) {
    }

    public boolean systemAffected(String name) {
        return systems.stream().anyMatch(s -> s.name().equalsIgnoreCase(name) && s.level() != Level.OPERATIONAL);
    }
}
