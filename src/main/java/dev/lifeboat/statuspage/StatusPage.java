package dev.lifeboat.statuspage;

import java.util.Collection;
import java.util.List;

/**
 * Our own public status page (the page named by {@code STATUSPAGE_PAGE_ID}): open, update and resolve incidents.
 * Every method throws {@link StatuspageException} with a message a person can act on.
 */
public interface StatusPage {
    /** Opens an incident. Not retried: a retried create could post twice. */
    Incident createIncident(IncidentDraft draft);

    /** Posts an update on an incident. Not retried. */
    Incident updateIncident(String incidentId, IncidentChange change);

    /** Resolves an incident and sets the given components back to operational. */
    default Incident resolveIncident(String incidentId, String body, Collection<String> componentIds) {
        return updateIncident(incidentId, IncidentChange.resolved(body, componentIds));
    }

    /** Resolves an incident and sets the components it affects back to operational. */
    default Incident resolveIncident(Incident incident, String body) {
        return resolveIncident(incident.id(), body, incident.componentIds());
    }

    /** Incidents not yet resolved, newest first. */
    List<Incident> unresolvedIncidents();

    /** The page's components. */
    List<Component> components();
}
