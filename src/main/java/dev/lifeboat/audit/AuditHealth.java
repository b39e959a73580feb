package dev.lifeboat.audit;

import dev.lifeboat.health.HealthPart;
import dev.lifeboat.health.PartHealth;

/**
 * The audit writer in {@code /healthz} ({@code audit}): {@code failing} while writes fail (a changing command cannot
 * run then, as its "started" entry cannot be stored: 503); {@code entries_set_aside} once an entry went to the dead
 * letter since start (200, degraded: look at the log); otherwise {@code ok}. Always with the entries waiting to be
 * written ({@code backlog}) and those set aside ({@code set_aside}).
 */
public final class AuditHealth {
    public static final String PART = "audit";

    private AuditHealth() {
    }

    public static HealthPart part(AuditLog audit) {
        return HealthPart.of(PART, () -> of(audit.backlog()));
    }

    static PartHealth of(AuditLog.Backlog backlog) {
        PartHealth state = backlog.failing() ? PartHealth.down("failing")
                : backlog.setAside() > 0 ? PartHealth.degraded("entries_set_aside") : PartHealth.ok("ok");
        return state.with("backlog", backlog.waiting()).with("set_aside", backlog.setAside());
    }
}
