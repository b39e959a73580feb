package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunConflictException;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The two rules the store enforces for every Lifeboat instance sharing it: a state moves only from the state the
 * caller saw, and one run at a time holds a target. Races run on real threads and real connections.
 */
abstract class RunLockContract extends RunStoreFixture {
    static final String TARGET = "postgres:acme-prod";

    @Test
    void aRunMovesOnlyFromTheStateTheCallerSaw() {
        RunStore store = store();
        created(store, "r-cas001", TARGET, RunState.PROPOSED);

        assertFalse(store.transition("r-cas001", RunState.WAITING_FOR_APPROVAL, RunState.RUNNING, T0.plusSeconds(1)));
        assertEquals(RunState.PROPOSED, store.find("r-cas001").orElseThrow().state());
        assertEquals(Optional.empty(), store.find("r-cas001").orElseThrow().startedAt());

        assertTrue(store.transition("r-cas001", RunState.PROPOSED, RunState.RUNNING, T0.plusSeconds(2)));
        assertFalse(store.transition("r-cas001", RunState.PROPOSED, RunState.RUNNING, T0.plusSeconds(3)));
        assertFalse(store.transition("r-nosuch", RunState.PROPOSED, RunState.RUNNING, T0.plusSeconds(3)));

        Run running = store.find("r-cas001").orElseThrow();
        assertEquals(RunState.RUNNING, running.state());
        assertEquals(Optional.of(T0.plusSeconds(2)), running.startedAt());
        assertEquals(Optional.empty(), running.finishedAt());
    }

    @Test
    void startedAtIsSetOnceAndFinishedAtWhenTheRunEnds() {
        RunStore store = store();
        created(store, "r-cas002", TARGET, RunState.PROPOSED);

        assertTrue(store.transition("r-cas002", RunState.PROPOSED, RunState.WAITING_FOR_APPROVAL, T0.plusSeconds(5)));
        assertTrue(store.transition("r-cas002", RunState.WAITING_FOR_APPROVAL, RunState.RUNNING, T0.plusSeconds(50)));
        assertTrue(store.transition("r-cas002", RunState.RUNNING, RunState.FAILED, T0.plusSeconds(500)));

        Run failed = store.find("r-cas002").orElseThrow();
        assertEquals(RunState.FAILED, failed.state());
        assertEquals(Optional.of(T0.plusSeconds(5)), failed.startedAt());
        assertEquals(Optional.of(T0.plusSeconds(500)), failed.finishedAt());
    }

    @Test
    void aProposalThatExpiresFinishesWithoutStarting() {
        RunStore store = store();
        created(store, "r-cas003", TARGET, RunState.PROPOSED);

        assertTrue(store.transition("r-cas003", RunState.PROPOSED, RunState.EXPIRED, T0.plusSeconds(1800)));

        Run expired = store.find("r-cas003").orElseThrow();
        assertEquals(Optional.empty(), expired.startedAt());
        assertEquals(Optional.of(T0.plusSeconds(1800)), expired.finishedAt());
    }

    @Test
    void ofEightConcurrentConfirmationsExactlyOneStartsTheRun() throws Exception {
        RunStore store = store();
        for (int round = 0; round < 5; round++) {
            String id = created(store, "r-race0" + round, TARGET + round, RunState.PROPOSED);

            List<Boolean> won = race(8, t -> () -> store.transition(id, RunState.PROPOSED, RunState.RUNNING,
                    T0.plusSeconds(t)));

            assertEquals(1, Collections.frequency(won, true), "round " + round + ": " + won);
            int winner = won.indexOf(true);
            assertEquals(Optional.of(T0.plusSeconds(winner)), store.find(id).orElseThrow().startedAt());
        }
    }

    @Test
    void aTargetHeldByAnotherRunIsRefusedNamingTheHolder() {
        RunStore store = store();
        created(store, "r-hold01", TARGET, RunState.RUNNING);
        created(store, "r-want01", TARGET, RunState.PROPOSED);
        store.lock(TARGET, "r-hold01");

        RunConflictException e = assertThrows(RunConflictException.class, () -> store.lock(TARGET, "r-want01"));

        assertEquals("r-hold01", e.holder());
        store.lock("postgres:acme-staging", "r-want01");
    }

    @Test
    void aRunBeingConfirmedHoldsItsTargetBeforeItsStateMoves() {
        RunStore store = store();
        created(store, "r-hold02", TARGET, RunState.PROPOSED);
        created(store, "r-want02", TARGET, RunState.PROPOSED);
        store.lock(TARGET, "r-hold02");

        assertEquals("r-hold02", assertThrows(RunConflictException.class, () -> store.lock(TARGET, "r-want02")).holder());
    }

    @Test
    void theHolderTakingItsTargetAgainSucceeds() {
        RunStore store = store();
        created(store, "r-hold03", TARGET, RunState.RUNNING);
        store.lock(TARGET, "r-hold03");

        store.lock(TARGET, "r-hold03");

        created(store, "r-want03", TARGET, RunState.PROPOSED);
        assertEquals("r-hold03", assertThrows(RunConflictException.class, () -> store.lock(TARGET, "r-want03")).holder());
    }

    @Test
    void aLockLeftByAFinishedRunIsTakenOver() {
        RunStore store = store();
        created(store, "r-old001", TARGET, RunState.RUNNING);
        created(store, "r-new001", TARGET, RunState.PROPOSED);
        created(store, "r-late01", TARGET, RunState.PROPOSED);
        store.lock(TARGET, "r-old001");
        store.transition("r-old001", RunState.RUNNING, RunState.FAILED, T0.plusSeconds(60)); // crashed before unlock

        store.lock(TARGET, "r-new001");

        assertEquals("r-new001", assertThrows(RunConflictException.class, () -> store.lock(TARGET, "r-late01")).holder());
    }

    @Test
    void aLockLeftByARunThatIsNotInTheStoreIsTakenOver() {
        RunStore store = store();
        created(store, "r-new002", TARGET, RunState.PROPOSED);
        created(store, "r-late02", TARGET, RunState.PROPOSED);
        store.lock(TARGET, "r-gone02");

        store.lock(TARGET, "r-new002");

        assertEquals("r-new002", assertThrows(RunConflictException.class, () -> store.lock(TARGET, "r-late02")).holder());
    }

    @Test
    void ofTwoRunsRacingForOneTargetExactlyOneHoldsIt() throws Exception {
        RunStore store = store();
        for (int round = 0; round < 20; round++) {
            String target = TARGET + "-" + round;
            List<String> runs = List.of(created(store, "r-a" + round, target, RunState.PROPOSED),
                    created(store, "r-b" + round, target, RunState.PROPOSED));

            List<String> holders = race(2, t -> () -> lockOrHolder(store, target, runs.get(t)));

            assertWinnerIsNamed(store, target, runs, holders, "round " + round);
        }
    }

    @Test
    void ofTwoRunsRacingForAStaleLockExactlyOneTakesItOver() throws Exception {
        RunStore store = store();
        for (int round = 0; round < 20; round++) {
            String target = TARGET + "-stale" + round;
            String old = created(store, "r-o" + round, target, RunState.RUNNING);
            store.lock(target, old);
            store.transition(old, RunState.RUNNING, RunState.CANCELLED, T0.plusSeconds(1));
            List<String> runs = List.of(created(store, "r-c" + round, target, RunState.PROPOSED),
                    created(store, "r-d" + round, target, RunState.PROPOSED));

            List<String> holders = race(2, t -> () -> lockOrHolder(store, target, runs.get(t)));

            assertWinnerIsNamed(store, target, runs, holders, "round " + round);
        }
    }

    @Test
    void unlockByARunThatDoesNotHoldTheTargetDoesNothing() {
        RunStore store = store();
        created(store, "r-hold04", TARGET, RunState.RUNNING);
        created(store, "r-want04", TARGET, RunState.PROPOSED);
        store.lock(TARGET, "r-hold04");

        store.unlock(TARGET, "r-want04");

        assertEquals("r-hold04", assertThrows(RunConflictException.class, () -> store.lock(TARGET, "r-want04")).holder());
        store.unlock(TARGET, "r-hold04");
        store.lock(TARGET, "r-want04");
        assertEquals("r-want04", assertThrows(RunConflictException.class, () -> store.lock(TARGET, "r-hold04")).holder());
    }

    @Test
    void oneInstanceLeasesARunningRunUntilItsLeaseRunsOut() {
        RunStore store = store();
        created(store, "r-lease01", TARGET, RunState.RUNNING);

        assertTrue(store.lease("r-lease01", "web.1", T0, T0.plusSeconds(90)));
        assertFalse(store.lease("r-lease01", "web.2", T0.plusSeconds(89), T0.plusSeconds(179)), "still held by web.1");
        assertTrue(store.lease("r-lease01", "web.1", T0.plusSeconds(60), T0.plusSeconds(150)), "the holder renews");
        assertFalse(store.lease("r-lease01", "web.2", T0.plusSeconds(120), T0.plusSeconds(210)), "renewed, so still held");
        assertTrue(store.lease("r-lease01", "web.2", T0.plusSeconds(151), T0.plusSeconds(241)), "ran out: taken over");
        assertFalse(store.lease("r-lease01", "web.1", T0.plusSeconds(152), T0.plusSeconds(242)), "the old holder lost it");
    }

    @Test
    void onlyARunningRunCanBeLeasedAndAReleasedLeaseIsFreeAtOnce() {
        RunStore store = store();
        created(store, "r-lease02", TARGET, RunState.PROPOSED);
        assertFalse(store.lease("r-lease02", "web.1", T0, T0.plusSeconds(90)), "proposed");
        assertFalse(store.lease("r-nosuch", "web.1", T0, T0.plusSeconds(90)), "no such run");

        assertTrue(store.transition("r-lease02", RunState.PROPOSED, RunState.RUNNING, T0));
        assertTrue(store.lease("r-lease02", "web.1", T0, T0.plusSeconds(90)));
        store.releaseLease("r-lease02", "web.2");
        assertFalse(store.lease("r-lease02", "web.2", T0.plusSeconds(1), T0.plusSeconds(91)), "only the holder releases");
        store.releaseLease("r-lease02", "web.1");
        assertTrue(store.lease("r-lease02", "web.2", T0.plusSeconds(2), T0.plusSeconds(92)));

        assertTrue(store.transition("r-lease02", RunState.RUNNING, RunState.SUCCEEDED, T0.plusSeconds(3)));
        assertFalse(store.lease("r-lease02", "web.2", T0.plusSeconds(4), T0.plusSeconds(94)), "finished");
    }

    @Test
    void ofInstancesClaimingTheSameRunAtOnceExactlyOneWins() throws Exception {
        RunStore store = store();
        for (int round = 0; round < 10; round++) {
            String runId = created(store, "r-lrace" + round, TARGET + round, RunState.RUNNING);
            List<String> owners = List.of("web.1", "web.2", "worker.1");
            List<String> won = race(owners.size(), t -> () -> store.lease(runId, owners.get(t), T0, T0.plusSeconds(90))
                    ? owners.get(t) : "");
            assertEquals(1, won.stream().filter(w -> !w.isEmpty()).count(), "round " + round + ": " + won);
        }
    }

    /** The run id when {@code runId} got the target, else the holder the conflict named. */
    private static String lockOrHolder(RunStore store, String target, String runId) {
        try {
            store.lock(target, runId);
            return runId;
        } catch (RunConflictException e) {
            return e.holder();
        }
    }

    /** Both racers agree on one winner, and the store says that winner holds the target. */
    private void assertWinnerIsNamed(RunStore store, String target, List<String> runs, List<String> holders, String round) {
        assertEquals(1, holders.stream().distinct().count(), round + ": " + holders);
        String winner = holders.get(0);
        assertTrue(runs.contains(winner), round + ": " + holders);
        String third = created(store, "r-x" + round, target, RunState.PROPOSED);
        assertEquals(winner, assertThrows(RunConflictException.class, () -> store.lock(target, third)).holder(), round);
    }
}
