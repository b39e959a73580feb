package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunConflictException;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a run store keeps and gives back, asked of every database Lifeboat supports. */
abstract class RunStoreContract extends RunStoreFixture {
    /** A run with every field set, as one might look after a crash mid-way. */
    static Run full(String id, Instant createdAt) {
        StepRecord done = new StepRecord("capture", "Capture a backup", StepState.SUCCEEDED, "b013 captured", 2,
                Optional.of(createdAt.plusSeconds(60)), Optional.of(createdAt.plusSeconds(95)),
                Map.of("transfer", "t-77", "backup", "b013"));
        StepRecord running = new StepRecord("restore", "Restore it", StepState.RUNNING, "copying: 40 %", 1,
                Optional.of(createdAt.plusSeconds(96)), Optional.empty(), Map.of("transfer", "t-78"));
        StepRecord pending = StepRecord.pending("verify", "Check the app answers");
        return new Run(id, "restore", "Restore b012 into acme-prod (production)", "postgres:acme-prod",
                RunParams.of(Map.of("backup", "b012", "target", "production", "note", "quotes \" and ünïcode")),
                RunState.RUNNING, "U0ALICE", List.of("U0ALICE", "U0BOB"), Optional.of("U0CAROL"), createdAt,
                Optional.of(createdAt.plusSeconds(30)), Optional.empty(), "half way",
                Map.of("slack.channel", "C0INC", "slack.ts", "1712345678.000100"), List.of(done, running, pending));
    }

    @Test
    void aFullRunComesBackAsItWasStored() {
        RunStore store = store();
        Run run = full("r-full01", T0);

        store.create(run);

        assertEquals(run, store.find("r-full01").orElseThrow());
        assertEquals(List.of("capture", "restore", "verify"),
                store.find("r-full01").orElseThrow().steps().stream().map(StepRecord::id).toList());
    }

    @Test
    void aProposedRunComesBackWithNothingSet() {
        RunStore store = store();
        Run run = proposed("r-prop01", "postgres:acme-staging", T0);

        store.create(run);

        Run found = store.find("r-prop01").orElseThrow();
        assertEquals(run, found);
        assertEquals(Optional.empty(), found.startedAt());
        assertEquals("", found.outcome());
        assertEquals(Optional.empty(), store.find("r-nosuch"));
    }

    @Test
    void creatingTheSameRunTwiceFailsAndKeepsTheFirst() {
        RunStore store = store();
        store.create(full("r-twice1", T0));

        assertThrows(IllegalStateException.class, () -> store.create(proposed("r-twice1", "site:x", T0)));
        assertEquals(full("r-twice1", T0), store.find("r-twice1").orElseThrow());
    }

    @Test
    void saveStepReplacesTheStepWithTheSameIdAndKeepsTheOrder() {
        RunStore store = store();
        store.create(full("r-steps1", T0));
        StepRecord verify = store.find("r-steps1").orElseThrow().step("verify").orElseThrow()
                .started(T0.plusSeconds(200)).withRecord("url", "https://acme.example/healthz");

        store.saveStep("r-steps1", verify);
        store.saveStep("r-steps1", verify.withState(StepState.RUNNING, "probing"));

        Run run = store.find("r-steps1").orElseThrow();
        assertEquals(List.of("capture", "restore", "verify"), run.steps().stream().map(StepRecord::id).toList());
        assertEquals(verify.withState(StepState.RUNNING, "probing"), run.step("verify").orElseThrow());
        assertEquals(full("r-steps1", T0).steps().subList(0, 2), run.steps().subList(0, 2));
    }

    @Test
    void aStepTheRunDidNotHaveIsAddedAfterTheOthers() {
        RunStore store = store();
        store.create(proposed("r-steps2", "site:acme", T0));

        store.saveStep("r-steps2", StepRecord.pending("announce", "Tell the status page"));

        assertEquals(List.of("capture", "restore", "announce"),
                store.find("r-steps2").orElseThrow().steps().stream().map(StepRecord::id).toList());
        assertThrows(IllegalStateException.class, () -> store.saveStep("r-nosuch", StepRecord.pending("a", "A")));
    }

    @Test
    void approvalsComeBackByTimeThenInTheOrderGiven() {
        RunStore store = store();
        store.create(proposed("r-appr01", "site:acme", T0));

        clock.set(T0.plusSeconds(10));
        store.addApproval("r-appr01", "U0LATE");
        clock.set(T0.plusSeconds(5));
        store.addApproval("r-appr01", "U0EARLY");
        clock.set(T0.plusSeconds(20));
        store.addApproval("r-appr01", "U0ZED");
        store.addApproval("r-appr01", "U0AMY");
        store.addApproval("r-appr01", "U0LATE");

        assertEquals(List.of("U0EARLY", "U0LATE", "U0ZED", "U0AMY"), store.find("r-appr01").orElseThrow().approvedBy());
        assertThrows(IllegalStateException.class, () -> store.addApproval("r-nosuch", "U0AMY"));
    }

    @Test
    void theFirstCancelRequestIsKept() {
        RunStore store = store();
        store.create(proposed("r-canc01", "site:acme", T0));

        store.requestCancel("r-canc01", "U0BOB");
        store.requestCancel("r-canc01", "U0CAROL");

        assertEquals(Optional.of("U0BOB"), store.find("r-canc01").orElseThrow().cancelRequestedBy());
        assertThrows(IllegalStateException.class, () -> store.requestCancel("r-nosuch", "U0BOB"));
    }

    @Test
    void theOutcomeIsReplaced() {
        RunStore store = store();
        store.create(proposed("r-outc01", "site:acme", T0));

        store.outcome("r-outc01", "first");
        store.outcome("r-outc01", "Done in 4 min 12 s.");

        assertEquals("Done in 4 min 12 s.", store.find("r-outc01").orElseThrow().outcome());
        assertThrows(IllegalStateException.class, () -> store.outcome("r-nosuch", "x"));
    }

    @Test
    void annotationsAreAddedAndReplacedByKey() {
        RunStore store = store();
        store.create(full("r-anno01", T0));

        store.annotate("r-anno01", "slack.ts", "1712345999.000200");
        store.annotate("r-anno01", "console.user", "bob");

        Run run = store.find("r-anno01").orElseThrow();
        assertEquals(Map.of("slack.channel", "C0INC", "slack.ts", "1712345999.000200", "console.user", "bob"),
                run.annotations());
        assertEquals(full("r-anno01", T0).params(), run.params());
        assertThrows(IllegalStateException.class, () -> store.annotate("r-nosuch", "k", "v"));
    }

    @Test
    void concurrentAnnotationsAreAllKept() throws Exception {
        RunStore store = store();
        store.create(proposed("r-anno02", "site:acme", T0));

        race(8, t -> () -> {
            store.annotate("r-anno02", "k" + t, "v" + t);
            return null;
        });

        assertEquals(8, store.find("r-anno02").orElseThrow().annotations().size());
    }

    @Test
    void unfinishedRunsAreThoseRunningOrWaitingForApprovalOldestFirst() {
        RunStore store = store();
        int minute = 0;
        for (RunState state : RunState.values()) {
            store.create(inState(proposed("r-" + state.name().toLowerCase(java.util.Locale.ROOT), "t:" + state,
                    T0.plus(Duration.ofMinutes(10 - minute++))), state));
        }

        assertEquals(List.of("r-running", "r-waiting_for_approval"),
                store.unfinished().stream().map(Run::id).toList());
    }

    @Test
    void recentRunsAreNewestFirstUpToTheLimit() {
        RunStore store = store();
        int[] minutes = {3, 1, 4, 5, 2};
        for (int m : minutes) {
            store.create(proposed("r-at" + m, "site:acme", T0.plus(Duration.ofMinutes(m))));
        }

        assertEquals(List.of("r-at5", "r-at4", "r-at3"), store.recent(3).stream().map(Run::id).toList());
        assertEquals(5, store.recent(50).size());
        assertEquals(List.of(), store.recent(0));
        assertEquals(2, store.recent(5).get(4).steps().size());
    }

    @Test
    void aRunAndItsLockSurviveClosingAndReopeningTheStore() {
        RunStore store = store();
        store.create(full("r-keep01", T0));
        store.lock("postgres:acme-prod", "r-keep01");
        created(store, "r-other1", "postgres:acme-prod", RunState.PROPOSED);

        reopen();
        RunStore reopened = store();

        assertEquals(full("r-keep01", T0), reopened.find("r-keep01").orElseThrow());
        assertEquals(List.of("r-keep01"), reopened.unfinished().stream().map(Run::id).toList());
        RunConflictException e = assertThrows(RunConflictException.class,
                () -> reopened.lock("postgres:acme-prod", "r-other1"));
        assertEquals("r-keep01", e.holder());
        assertTrue(reopened.transition("r-keep01", RunState.RUNNING, RunState.SUCCEEDED, T0.plusSeconds(300)));
    }
}
