package dev.lifeboat.demo;

import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import dev.lifeboat.statuspage.AffectedComponent;
import dev.lifeboat.statuspage.Component;
import dev.lifeboat.statuspage.ComponentStatus;
import dev.lifeboat.statuspage.Incident;
import dev.lifeboat.statuspage.IncidentChange;
import dev.lifeboat.statuspage.IncidentDraft;
import dev.lifeboat.statuspage.IncidentStatus;
import dev.lifeboat.statuspage.IncidentUpdate;
import dev.lifeboat.statuspage.StatusPage;
import dev.lifeboat.statuspage.StatuspageException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated status page held in memory: four components, and incidents created, updated and resolved as the
 * real page would (updates newest first, impact from the worst component status, resolving sets the given
 * components back to operational). Times come from the injected clock. Thread-safe.
 */
public final class DemoStatuspage implements StatusPage {
    public static final String PAGE_ID = "lbdemo7p4g3x";

    private final Clock clock;
    private final Map<String, Component> components = new LinkedHashMap<>();
    /** By id, in creation order. */
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private Failure outage;
    private final long idBase;
    private long sequence;

    @Inject
    public DemoStatuspage(Clock clock) {
        this.clock = clock;
        this.idBase = clock.millis();
        Instant created = clock.instant().minus(Duration.ofDays(400));
        String[][] seed = {
                {"w3bapp7x9k2q", "Web application", "The Rails app at app.example.com"},
                {"ap1srv4m8n0d", "API", "Public REST API"},
                {"s1te0ntl7fy2", "Marketing site", "www, served by Netlify"},
                {"j0bsbg5q2w8e", "Background jobs", "Emails, exports and imports"},
        };
        for (int i = 0; i < seed.length; i++) {
            components.put(seed[i][0], new Component(seed[i][0], PAGE_ID, null, seed[i][1], seed[i][2],
                    ComponentStatus.OPERATIONAL, i + 1, false, true, false, created, created));
        }
    }

    // ---- controls for practice ----

    /** Every call fails with {@code failure} until {@link #endOutage()}. */
    public synchronized void startOutage(Failure failure) {
        outage = failure;
    }

    public synchronized void endOutage() {
        outage = null;
    }

    /** Every incident, resolved or not, newest first. */
    public synchronized List<Incident> allIncidents() {
        return newestFirst(incidents.values().stream().toList());
    }

    // ---- StatusPage ----

    @Override
    public synchronized Incident createIncident(IncidentDraft draft) {
        check("creating an incident on page " + PAGE_ID, draft.components());
        Instant now = clock.instant();
        String id = nextId();
        List<AffectedComponent> affected = apply(draft.components(), now);
        IncidentUpdate first = new IncidentUpdate(nextId(), id, draft.status(), draft.body(), affected,
                draft.deliverNotifications(), now, now, now);
        Incident incident = new Incident(id, PAGE_ID, draft.name(), draft.status(),
                impact(draft.components().values()), "https://stspg.io/" + id.substring(0, 9), List.of(first),
                current(draft.components().keySet()), now, now, now,
                draft.status() == IncidentStatus.MONITORING ? now : null,
                draft.status() == IncidentStatus.RESOLVED ? now : null);
        incidents.put(id, incident);
        return incident;
    }

    @Override
    public synchronized Incident updateIncident(String incidentId, IncidentChange change) {
        PathId.require(PathId.Kind.STATUSPAGE_INCIDENT, incidentId);
        String action = "updating incident " + incidentId;
        check(action, change.components());
        Incident old = incidents.get(incidentId);
        if (old == null) {
            throw new StatuspageException(Failure.NOT_FOUND, 404, null, "Statuspage has no incident " + incidentId
                    + " on page " + PAGE_ID + " (404 while " + action + "). It may have been deleted.", null);
        }
        Instant now = clock.instant();
        List<AffectedComponent> affected = apply(change.components(), now);
        List<IncidentUpdate> updates = new ArrayList<>();
        updates.add(new IncidentUpdate(nextId(), incidentId, change.status(), change.body(), affected,
                change.deliverNotifications(), now, now, now));
        updates.addAll(old.incidentUpdates());
        List<String> ids = new ArrayList<>(old.componentIds());
        change.components().keySet().stream().filter(c -> !ids.contains(c)).forEach(ids::add);
        String impact = change.status() == IncidentStatus.RESOLVED || change.components().isEmpty()
                ? old.impact() : impact(change.components().values());
        Incident updated = new Incident(incidentId, PAGE_ID, old.name(), change.status(), impact, old.shortlink(),
                updates, current(ids), old.createdAt(), now, old.startedAt(),
                old.monitoringAt() == null && change.status() == IncidentStatus.MONITORING ? now : old.monitoringAt(),
                change.status() == IncidentStatus.RESOLVED ? now : null);
        incidents.put(incidentId, updated);
        return updated;
    }

    @Override
    public synchronized List<Incident> unresolvedIncidents() {
        check("listing the open incidents of page " + PAGE_ID, Map.of());
        return newestFirst(incidents.values().stream().filter(i -> !i.isResolved()).toList());
    }

    @Override
    public synchronized List<Component> components() {
        check("listing the components of page " + PAGE_ID, Map.of());
        return List.copyOf(components.values());
    }

    // ---- simulation ----

    private void check(String action, Map<String, ComponentStatus> changes) {
        if (outage != null) {
            int status = switch (outage) {
                case UNAUTHORIZED -> 401;
                case RATE_LIMITED -> 429;
                case TIMEOUT, UNREACHABLE -> 0;
                default -> 503;
            };
            throw new StatuspageException(outage, status, outage == Failure.RATE_LIMITED ? Duration.ofSeconds(1) : null,
                    "Statuspage failed while " + action + " (" + outage.name().toLowerCase() + ", simulated).", null);
        }
        List<String> unknown = changes.keySet().stream().filter(id -> !components.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new StatuspageException(Failure.REJECTED, 422, null, "Statuspage refused " + action
                    + ": unknown component ids " + unknown + " (422). Check that each component id belongs to page "
                    + PAGE_ID + " (see its component list).", null);
        }
    }

    private List<AffectedComponent> apply(Map<String, ComponentStatus> changes, Instant now) {
        List<AffectedComponent> affected = new ArrayList<>();
        changes.forEach((id, status) -> {
            Component before = components.get(id);
            components.put(id, before.withStatus(status, now));
            affected.add(new AffectedComponent(id, before.name(), before.status(), status));
        });
        return affected;
    }

    private List<Component> current(Iterable<String> ids) {
        List<Component> out = new ArrayList<>();
        ids.forEach(id -> out.add(components.get(id)));
        return out;
    }

    private static String impact(Iterable<ComponentStatus> statuses) {
        int worst = 0;
        for (ComponentStatus status : statuses) {
            worst = Math.max(worst, switch (status) {
                case MAJOR_OUTAGE -> 3;
                case PARTIAL_OUTAGE -> 2;
                case DEGRADED_PERFORMANCE -> 1;
                default -> 0;
            });
        }
        return new String[] {"none", "minor", "major", "critical"}[worst];
    }

    private static List<Incident> newestFirst(List<Incident> list) {
        List<Incident> out = new ArrayList<>(list);
        out.sort(Comparator.comparing(Incident::createdAt).reversed());
        return List.copyOf(out);
    }

    /** A 12-character lowercase id like Statuspage's. */
    private String nextId() {
        String base = Long.toString(idBase + ++sequence, 36);
        return ("000000000000" + base).substring(base.length());
    }
}
