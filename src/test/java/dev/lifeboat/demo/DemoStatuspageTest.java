package dev.lifeboat.demo;

import dev.lifeboat.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lifeboat.http.Failure;
import dev.lifeboat.statuspage.AffectedComponent;
import dev.lifeboat.statuspage.Component;
import dev.lifeboat.statuspage.ComponentStatus;
import dev.lifeboat.statuspage.Incident;
import dev.lifeboat.statuspage.IncidentChange;
import dev.lifeboat.statuspage.IncidentDraft;
import dev.lifeboat.statuspage.IncidentStatus;
import dev.lifeboat.statuspage.StatusPage;
import dev.lifeboat.statuspage.StatuspageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoStatuspageTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-11T09:00:00Z"));
    private final DemoStatuspage page = new DemoStatuspage(clock);

    private String componentId(String name) {
        return page.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }

    private ComponentStatus statusOf(String id) {
        return page.components().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().status();
    }

    @Test
    void startsWithFourOperationalComponentsAndNoIncidents() {
        List<Component> components = page.components();

        assertEquals(List.of("Web application", "API", "Marketing site", "Background jobs"),
                components.stream().map(Component::name).toList());
        assertTrue(components.stream().allMatch(c -> c.status() == ComponentStatus.OPERATIONAL));
        assertEquals(List.of(), page.unresolvedIncidents());
    }

    @Test
    void anIncidentIsOpenedUpdatedAndResolved() {
        String web = componentId("Web application");
        String api = componentId("API");
        Map<String, ComponentStatus> hit = new LinkedHashMap<>();
        hit.put(web, ComponentStatus.MAJOR_OUTAGE);
        hit.put(api, ComponentStatus.DEGRADED_PERFORMANCE);

        Incident opened = page.createIncident(new IncidentDraft("Web application unavailable",
                IncidentStatus.INVESTIGATING, "We are investigating.", hit, true));

        assertEquals(IncidentStatus.INVESTIGATING, opened.status());
        assertEquals("critical", opened.impact());
        assertEquals(12, opened.id().length());
        assertEquals(ComponentStatus.MAJOR_OUTAGE, statusOf(web));
        assertEquals(List.of(opened.id()), page.unresolvedIncidents().stream().map(Incident::id).toList());
        assertEquals(List.of(new AffectedComponent(web, "Web application", ComponentStatus.OPERATIONAL,
                ComponentStatus.MAJOR_OUTAGE), new AffectedComponent(api, "API", ComponentStatus.OPERATIONAL,
                ComponentStatus.DEGRADED_PERFORMANCE)), opened.latestUpdate().orElseThrow().affectedComponents());

        clock.advance(Duration.ofMinutes(10));
        Incident identified = page.updateIncident(opened.id(), new IncidentChange(IncidentStatus.IDENTIFIED,
                "The database failed; restoring from backup.", Map.of(api, ComponentStatus.MAJOR_OUTAGE), true));

        assertEquals(IncidentStatus.IDENTIFIED, identified.status());
        assertEquals(2, identified.incidentUpdates().size());
        assertEquals("The database failed; restoring from backup.", identified.incidentUpdates().get(0).body());
        assertEquals(clock.instant(), identified.updatedAt());
        assertEquals(ComponentStatus.MAJOR_OUTAGE, statusOf(api));

        clock.advance(Duration.ofMinutes(25));
        Incident resolved = page.resolveIncident(identified, "Service is restored.");

        assertTrue(resolved.isResolved());
        assertEquals(clock.instant(), resolved.resolvedAt());
        assertEquals(3, resolved.incidentUpdates().size());
        assertEquals(ComponentStatus.OPERATIONAL, statusOf(web));
        assertEquals(ComponentStatus.OPERATIONAL, statusOf(api));
        assertTrue(resolved.components().stream().allMatch(c -> c.status() == ComponentStatus.OPERATIONAL));
        assertEquals(List.of(), page.unresolvedIncidents());
        assertEquals(1, page.allIncidents().size());
    }

    @Test
    void openIncidentsAreListedNewestFirst() {
        Incident first = page.createIncident(new IncidentDraft("Slow API", IncidentStatus.INVESTIGATING, "Slow.",
                Map.of(componentId("API"), ComponentStatus.DEGRADED_PERFORMANCE), false));
        clock.advance(Duration.ofMinutes(1));
        Incident second = page.createIncident(new IncidentDraft("Jobs delayed", IncidentStatus.IDENTIFIED, "Delayed.",
                Map.of(componentId("Background jobs"), ComponentStatus.PARTIAL_OUTAGE), false));

        assertEquals(List.of(second.id(), first.id()), page.unresolvedIncidents().stream().map(Incident::id).toList());
        assertNotEquals(first.id(), second.id());
        assertEquals("minor", first.impact());
        assertEquals("major", second.impact());
    }

    @Test
    void anUnknownComponentIsRefusedAndChangesNothing() {
        StatuspageException e = assertThrows(StatuspageException.class, () -> page.createIncident(new IncidentDraft(
                "Outage", IncidentStatus.INVESTIGATING, "x", Map.of("nosuchcompo1", ComponentStatus.MAJOR_OUTAGE),
                true)));

        assertEquals(Failure.REJECTED, e.failure());
        assertTrue(e.getMessage().contains("nosuchcompo1"), e.getMessage());
        assertEquals(List.of(), page.allIncidents());
    }

    @Test
    void updatingAnUnknownIncidentIsNotFound() {
        StatuspageException e = assertThrows(StatuspageException.class, () -> page.updateIncident("missing00000",
                new IncidentChange(IncidentStatus.MONITORING, "x", Map.of(), true)));

        assertEquals(Failure.NOT_FOUND, e.failure());
        assertTrue(e.getMessage().startsWith("Statuspage has no incident missing00000"), e.getMessage());
    }

    @Test
    void monitoringIsStampedOnceAndReopeningClearsResolution() {
        Incident opened = page.createIncident(new IncidentDraft("Outage", IncidentStatus.INVESTIGATING, "x",
                Map.of(), true));
        clock.advance(Duration.ofMinutes(5));
        Instant monitoringAt = page.updateIncident(opened.id(), new IncidentChange(IncidentStatus.MONITORING, "y",
                Map.of(), true)).monitoringAt();
        page.resolveIncident(opened.id(), "done", List.of());
        clock.advance(Duration.ofMinutes(5));

        Incident reopened = page.updateIncident(opened.id(), new IncidentChange(IncidentStatus.MONITORING, "again",
                Map.of(), true));

        assertEquals(Instant.parse("2024-05-11T09:05:00Z"), monitoringAt);
        assertEquals(monitoringAt, reopened.monitoringAt());
        assertNull(reopened.resolvedAt());
    }

    @Test
    void anOutageFailsEveryCallUntilItEnds() {
        page.startOutage(Failure.RATE_LIMITED);

        StatuspageException e = assertThrows(StatuspageException.class, page::unresolvedIncidents);
        assertEquals(Failure.RATE_LIMITED, e.failure());
        assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());

        page.endOutage();
        assertEquals(List.of(), page.unresolvedIncidents());
    }

    @Test
    void theDemoModuleBindsTheStatusPageToOneDemoInstance() {
        Injector injector = Guice.createInjector(new DemoStatuspageModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(clock);
            }
        });

        StatusPage wired = injector.getInstance(StatusPage.class);

        assertSame(injector.getInstance(DemoStatuspage.class), wired);
        assertEquals(4, wired.components().size());
    }
}
