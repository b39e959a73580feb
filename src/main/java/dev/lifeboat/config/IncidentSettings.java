package dev.lifeboat.config;

import java.util.List;

/**
 * How incidents are announced.
 *
 * @param template     {@code LIFEBOAT_INCIDENT_TEMPLATE}: the announcement, with {@code {reason}} where the summary
 *                     goes (default: the plan's own template)
 * @param componentIds {@code STATUSPAGE_COMPONENT_IDS}: the status-page components an incident affects (shown as a
 *                     major outage while it is open); empty when not known
 */
public record IncidentSettings(String template, List<String> componentIds) {
    public static final String REASON = "{reason}";
    /** The plan's incident template (section 4, communication). */
    public static final String DEFAULT_TEMPLATE = "We're currently experiencing downtime due to " + REASON + "."
            + " The team is actively working on a resolution and will share updates shortly. Thank you for your patience.";

    public IncidentSettings {
        componentIds = List.copyOf(componentIds);
    }

    public static IncidentSettings defaults() {
        return new IncidentSettings(DEFAULT_TEMPLATE, List.of());
    }

    /** The announcement for {@code reason}: the template with the reason in place (a trailing full stop not doubled). */
    public String announcement(String reason) {
        String text = reason.strip();
        int at = template.indexOf(REASON);
        boolean stopFollows = at >= 0 && template.startsWith(".", at + REASON.length());
        if (stopFollows && (text.endsWith(".") || text.endsWith("!") || text.endsWith("?"))) {
            text = text.substring(0, text.length() - 1);
        }
        return template.replace(REASON, text);
    }
}
