package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.incident.IncidentRecord;
import dev.lifeboat.incident.IncidentStore;
import dev.lifeboat.incident.TimelineEntry;
import dev.lifeboat.statuspage.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What the incident store promises on every database: one open incident per service, timelines in order. */
abstract class IncidentStoreContract {
    static final Instant T0 = Instant.parse("2026-12-02T14:02:00Z");
    static final String SERVICE = "acme-prod";

    abstract Database database();

    IncidentStore store() {
        return new JdbcIncidentStore(database().dataSource());
    }

    static TimelineEntry.New opened(Instant at) {
        return new TimelineEntry.New(at, "<@U1>", TimelineEntry.Kind.OPENED, IncidentStatus.INVESTIGATING,
                "We're currently experiencing downtime due to a database failure.", true, false);
    }

    static IncidentRecord draft(String id) {
        return IncidentRecord.draft(id, SERVICE, "a database failure", "We're currently experiencing downtime due to"
                + " a database failure.", "U1", "<@U1>", T0);
    }

    @Test
    void aDraftIsPostedOnceAndASecondOneIsRefusedNamingTheOpenOne() {
        IncidentStore store = store();
        store.createDraft(draft("i-aaaaaa"));
        store.createDraft(draft("i-bbbbbb"));
        assertEquals(Optional.empty(), store.openIn(SERVICE), "a draft is not open");

        assertTrue(store.post("i-aaaaaa", opened(T0)).posted());
        IncidentStore.Posted second = store.post("i-bbbbbb", opened(T0.plusSeconds(5)));
        assertFalse(second.posted());
        assertEquals(Optional.of("i-aaaaaa"), second.openIncident());
        assertFalse(store.post("i-aaaaaa", opened(T0)).posted(), "posted once");

        IncidentRecord open = store.openIn(SERVICE).orElseThrow();
        assertEquals("i-aaaaaa", open.id());
        assertEquals(IncidentRecord.Phase.OPEN, open.phase());
        assertEquals(Optional.of(T0), open.openedAt());
        assertEquals(1, open.version());
        assertEquals(IncidentRecord.Phase.DRAFT, store.find("i-bbbbbb").orElseThrow().phase());
        assertFalse(store.editDraft("i-aaaaaa", "changed"), "a posted incident is no longer a draft");
    }

    @Test
    void resolvingFreesTheServiceForTheNextIncident() {
        IncidentStore store = store();
        store.createDraft(draft("i-aaaaaa"));
        store.post("i-aaaaaa", opened(T0));
        assertTrue(store.resolve("i-aaaaaa", new TimelineEntry.New(T0.plusSeconds(3600), "<@U2>",
                TimelineEntry.Kind.RESOLVED, IncidentStatus.RESOLVED, "Fixed.", true, false)));
        assertFalse(store.resolve("i-aaaaaa", new TimelineEntry.New(T0.plusSeconds(3601), "<@U2>",
                TimelineEntry.Kind.RESOLVED, IncidentStatus.RESOLVED, "Again.", true, false)));
        IncidentRecord resolved = store.find("i-aaaaaa").orElseThrow();
        assertEquals(IncidentRecord.Phase.RESOLVED, resolved.phase());
        assertEquals(Optional.of(T0.plusSeconds(3600)), resolved.resolvedAt());
        assertEquals(Optional.empty(), store.openIn(SERVICE));

        store.createDraft(draft("i-cccccc"));
        assertTrue(store.post("i-cccccc", opened(T0.plusSeconds(7200))).posted());
    }

    @Test
    void theTimelineKeepsOrderAndWhatIsOwed() {
        IncidentStore store = store();
        store.createDraft(draft("i-aaaaaa"));
        store.post("i-aaaaaa", opened(T0));
        assertEquals(2, store.append("i-aaaaaa", new TimelineEntry.New(T0.plusSeconds(60), "<@U1>",
                TimelineEntry.Kind.UPDATE, IncidentStatus.IDENTIFIED, "Found it.", true, false)));
        assertEquals(3, store.append("i-aaaaaa", new TimelineEntry.New(T0.plusSeconds(61), "Lifeboat",
                TimelineEntry.Kind.RUN, IncidentStatus.IDENTIFIED, "Run r-abcdef started", false, false)));

        IncidentRecord incident = store.find("i-aaaaaa").orElseThrow();
        assertEquals(IncidentStatus.IDENTIFIED, incident.status(), "an update sets the status");
        assertEquals(Optional.of(T0.plusSeconds(60)), incident.lastUpdateAt(), "a run line is not an update");
        List<TimelineEntry> timeline = store.timeline("i-aaaaaa");
        assertEquals(List.of(1, 2, 3), timeline.stream().map(TimelineEntry::seq).toList());
        assertEquals(TimelineEntry.Delivery.PENDING, timeline.get(1).page());
        assertEquals(TimelineEntry.Delivery.NONE, timeline.get(2).page());
        assertEquals(List.of("i-aaaaaa"), store.owing().stream().map(IncidentRecord::id).toList());

        store.slackPosted("i-aaaaaa", "C0INCIDENT", "1700000000.000100");
        store.slackDelivered("i-aaaaaa", 3);
        store.slackDelivered("i-aaaaaa", 2);  // never goes back
        store.pageCreated("i-aaaaaa", "p1nc1d3nt");
        store.pageDone("i-aaaaaa", 1);
        store.pageDone("i-aaaaaa", 2);
        store.fallbackSent("i-aaaaaa", 2);
        incident = store.find("i-aaaaaa").orElseThrow();
        assertEquals(3, incident.slackVersion());
        assertEquals(Optional.of("1700000000.000100"), incident.slackTs());
        assertEquals(Optional.of("p1nc1d3nt"), incident.pageIncidentId());
        assertTrue(store.timeline("i-aaaaaa").get(1).fallbackSent());
        assertEquals(List.of(), store.owing(), "nothing owed once Slack and the page are told");
    }

    @Test
    void ofTwoRemindersForTheSameQuietSpellOneWins() {
        IncidentStore store = store();
        store.createDraft(draft("i-aaaaaa"));
        store.post("i-aaaaaa", opened(T0));
        TimelineEntry.New reminder = new TimelineEntry.New(T0.plusSeconds(1800), "Lifeboat", TimelineEntry.Kind.REMINDER,
                IncidentStatus.INVESTIGATING, "No update for 30 min", false, true);
        assertTrue(store.remind("i-aaaaaa", Optional.empty(), reminder));
        assertFalse(store.remind("i-aaaaaa", Optional.empty(), reminder));
        assertEquals(Optional.of(T0.plusSeconds(1800)), store.find("i-aaaaaa").orElseThrow().remindedAt());
        assertEquals(TimelineEntry.Delivery.PENDING, store.timeline("i-aaaaaa").get(1).notice());
    }

    @Test
    void ofManyDraftsPostedAtOnceExactlyOneOpens() throws Exception {
        IncidentStore store = store();
        int n = 8;
        for (int i = 0; i < n; i++) {
            store.createDraft(draft("i-race0" + (char) ('a' + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "i-race0" + (char) ('a' + i);
            results.add(pool.submit(() -> {
                go.await();
                return store.post(id, opened(T0)).posted();
            }));
        }
        go.countDown();
        int posted = 0;
        for (Future<Boolean> r : results) {
            posted += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, posted);
        assertEquals(1, store.open().size());
    }
}
