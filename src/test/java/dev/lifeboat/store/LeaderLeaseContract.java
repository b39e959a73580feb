package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.leader.LeaderLeases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The leader lease on a real database: one holder at a time, taken over only once it ran out; races on threads. */
abstract class LeaderLeaseContract extends RunStoreFixture {
    LeaderLeases leases() {
        return new JdbcLeaderLeases(database().dataSource());
    }

    @Test
    void theFirstClaimWinsAndHoldsUntilItRunsOutUnlessRenewed() {
        LeaderLeases leases = leases();
        assertEquals(Optional.empty(), leases.holder("leader"));

        assertTrue(leases.hold("leader", "web.1", T0, T0.plusSeconds(30)));
        assertFalse(leases.hold("leader", "web.2", T0.plusSeconds(29), T0.plusSeconds(59)), "web.1 holds it");
        assertTrue(leases.hold("leader", "web.1", T0.plusSeconds(20), T0.plusSeconds(50)), "renewed");
        assertFalse(leases.hold("leader", "web.2", T0.plusSeconds(40), T0.plusSeconds(70)), "renewed, so still web.1's");
        assertEquals(new LeaderLeases.Holder("web.1", T0.plusSeconds(50)), leases.holder("leader").orElseThrow());

        assertTrue(leases.hold("leader", "web.2", T0.plusSeconds(51), T0.plusSeconds(81)), "ran out: web.2 leads");
        assertFalse(leases.hold("leader", "web.1", T0.plusSeconds(52), T0.plusSeconds(82)), "web.1 lost it");
        assertTrue(leases.hold("other", "web.1", T0.plusSeconds(52), T0.plusSeconds(82)), "leases are by name");
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderReleasesIt() {
        LeaderLeases leases = leases();
        assertTrue(leases.hold("leader", "web.1", T0, T0.plusSeconds(30)));
        leases.release("leader", "web.2");
        assertFalse(leases.hold("leader", "web.2", T0.plusSeconds(1), T0.plusSeconds(31)));
        leases.release("leader", "web.1");
        assertTrue(leases.hold("leader", "web.2", T0.plusSeconds(2), T0.plusSeconds(32)));
    }

    @Test
    void ofInstancesClaimingAtOnceExactlyOneLeads() throws Exception {
        LeaderLeases leases = leases();
        List<String> owners = List.of("web.1", "web.2", "web.3", "worker.1");
        for (int round = 0; round < 10; round++) {
            String name = "leader-" + round;
            List<String> won = race(owners.size(), t -> () -> leases.hold(name, owners.get(t), T0, T0.plusSeconds(30))
                    ? owners.get(t) : "");
            assertEquals(1, won.stream().filter(w -> !w.isEmpty()).count(), "fresh, round " + round + ": " + won);
            // ...and when it has run out, again exactly one takes it over.
            List<String> over = race(owners.size(), t -> () -> leases.hold(name, owners.get(t), T0.plusSeconds(31),
                    T0.plusSeconds(61)) ? owners.get(t) : "");
            assertEquals(1, over.stream().filter(w -> !w.isEmpty()).count(), "expired, round " + round + ": " + over);
        }
    }
}
