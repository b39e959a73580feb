package dev.lifeboat.status;

import static dev.lifeboat.status.Mrkdwn.cut;
import static dev.lifeboat.status.Mrkdwn.escape;

import dev.lifeboat.platformstatus.PlatformStatus;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Heroku's and Netlify's own status pages. */
final class PlatformsSection {
    static final int MAX_INCIDENTS_PER_PLATFORM = 5;
    static final int MAX_TITLE = 150;

    private PlatformsSection() {
    }

    static Section build(StatusFacts f, Signals s) {
        SectionBuilder section = new SectionBuilder("Platforms");
        platform(section, "Heroku", f.herokuStatus(), s);
        platform(section, "Netlify", f.netlifyStatus(), s);
        return section.build();
    }

    private static void platform(SectionBuilder section, String name, Fetched<PlatformStatus> fetched, Signals s) {
        if (!fetched.ok()) {
            section.gap(name, fetched, s);
            return;
        }
        if (name.equals("Heroku")) {
            s.herokuStatusKnown = true;
        } else {
            s.netlifyStatusKnown = true;
        }
        PlatformStatus status = fetched.value().orElseThrow();
        Health health = switch (status.level()) {
            case OPERATIONAL -> Health.OK;
            case DEGRADED -> Health.WARNING;
            case OUTAGE -> Health.DOWN;
        };
        StringBuilder line = new StringBuilder("*").append(name).append("*: ");
        if (name.equals("Heroku")) {
            line.append(status.systems().stream()
                    .map(sys -> sys.name() + " " + (sys.level() == PlatformStatus.Level.OPERATIONAL ? "green" : sys.detail()))
                    .collect(Collectors.joining(", ")));
            s.herokuGreen = status.level() == PlatformStatus.Level.OPERATIONAL && status.incidents().isEmpty();
            if (status.systemAffected("Apps")) {
                s.herokuAppsIncident = Optional.of(status.incidents().isEmpty() ? "Apps " + status.summary()
                        : status.incidents().get(0).title());
            }
        } else {
            line.append(escape(status.summary()));
            s.netlifyGreen = status.level() == PlatformStatus.Level.OPERATIONAL && status.incidents().isEmpty();
            if (status.level() != PlatformStatus.Level.OPERATIONAL || !status.incidents().isEmpty()) {
                s.netlifyIncident = Optional.of(status.incidents().isEmpty() ? status.summary() : status.incidents().get(0).title());
            }
        }
        List<PlatformStatus.Incident> incidents = status.incidents();
        for (PlatformStatus.Incident incident : incidents.subList(0, Math.min(MAX_INCIDENTS_PER_PLATFORM, incidents.size()))) {
            String title = escape(cut(incident.title(), MAX_TITLE));
            line.append("\n• ").append(incident.url() == null ? title : "<" + incident.url() + "|" + title + ">")
                    .append(" _(").append(incident.status()).append(")_");
        }
        if (incidents.size() > MAX_INCIDENTS_PER_PLATFORM) {
            line.append("\n• … and ").append(incidents.size() - MAX_INCIDENTS_PER_PLATFORM)
                    .append(" more open incidents on <").append(status.pageUrl()).append("|the status page>");
        }
        section.add(incidents.isEmpty() ? health : (health == Health.OK ? Health.WARNING : health), line.toString());
    }
}
