package dev.lifeboat.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import dev.lifeboat.access.GroupDirectory;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.CommandsModule;
import dev.lifeboat.command.Surface;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.RunbookModule;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.testing.DirectExecutorService;
import dev.lifeboat.testing.InMemoryRunStore;
import dev.lifeboat.testing.ManualClock;
import dev.lifeboat.testing.MemoryAuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code confirm}, {@code approve} and {@code cancel} for any runbook, through the real runner and engine. */
class RunsCommandsTest {
    static final Actor ALICE = new Actor("U0ALICE", "alice");
    static final Actor BOB = new Actor("U0BOB", "bob");
    static final Actor CAROL = new Actor("U0CAROL", "carol");

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    final InMemoryRunStore store = new InMemoryRunStore();
    volatile Consumer<Run> onWait = run -> { };
    final Injector injector;

    /** "Prepare" succeeds at once; "Copy things" waits a minute in four safe points. */
    final class TestRunbook implements Runbook {
        @Override
        public String name() {
            return "copy";
        }

        @Override
        public List<Step> steps(RunParams params) {
            return List.of(step("prepare", "Prepare", 0), step("copy", "Copy things", 4));
        }

        Step step(String id, String title, int waits) {
            return new Step() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public String title() {
                    return title;
                }

                @Override
                public Duration timeout() {
                    return Duration.ofMinutes(10);
                }

                @Override
                public StepOutcome run(StepContext context) throws InterruptedException {
                    for (int i = 0; i < waits; i++) {
                        context.progress("copied " + (i * 25) + "%");
                        context.sleep(Duration.ofSeconds(15));
                    }
                    return StepOutcome.succeeded(title.toLowerCase(java.util.Locale.ROOT) + " done");
                }
            };
        }

        @Override
        public String afterFailure(Run run, StepRecord failed) {
            return "Stopped at " + failed.title() + "; the copy is incomplete.";
        }

        @Override
        public String afterSuccess(Run run) {
            return "Copied.";
        }
    }

    RunsCommandsTest() {
        AuditLog audit = new MemoryAuditLog();
        injector = Guice.createInjector(Modules.override(new RunbookModule(), new RunsModule(), new CommandsModule())
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Clock.class).toInstance(clock);
                        bind(RunStore.class).toInstance(store);
                        bind(dev.lifeboat.runbook.Instance.class).toInstance(new dev.lifeboat.runbook.Instance("test"));
                        bind(Waiter.class).toInstance(d -> {
                            onWait.accept(store.recent(1).get(0));
                            clock.advance(d);
                        });
                        bind(ExecutorService.class).annotatedWith(Names.named("runs"))
                                .toInstance(new DirectExecutorService());
                        bind(AccessSettings.class).toInstance(new AccessSettings(List.of("U0ALICE", "U0BOB", "U0CAROL"), 1));
                        bind(GroupDirectory.class).toInstance(group -> Set.of());
                        bind(AuditLog.class).toInstance(audit);
                        Multibinder.newSetBinder(binder(), Runbook.class).addBinding().toInstance(new TestRunbook());
                    }
                }));
    }

    Run propose(int approvals, Map<String, String> more) {
        Map<String, String> params = new java.util.HashMap<>(more);
        params.put(RunEngine.APPROVALS, Integer.toString(approvals));
        return injector.getInstance(RunEngine.class).propose("copy", "Copy the things", "things", RunParams.of(params),
                "U0ALICE");
    }

    String run(Actor actor, String text) {
        return TextRenderer.render(injector.getInstance(CommandRunner.class).run(text, actor, Surface.SLACK,
                Optional.of("C1")));
    }

    @Test
    void badOrUnknownRunIdsAreRefusedWithTheReasonAndUsage() {
        assertEquals("Say which run to confirm, e.g. /dr confirm r-7k2m9q (the id is on the run's card and in its "
                + "message).\nUsage: /dr confirm RUN [TYPED]", run(ALICE, "confirm"));
        assertEquals("banana is not a run id: run ids look like r-7k2m9q.\nUsage: /dr cancel RUN", run(ALICE, "cancel banana"));
        assertEquals("There is no run r-zzzzzz: check the id on the card (/dr history lists recent commands).\n"
                + "Usage: /dr approve RUN", run(ALICE, "approve r-zzzzzz"));
        assertEquals("Too many words: cancel takes only a run id.\nUsage: /dr cancel RUN", run(ALICE, "cancel r-zzzzzz now"));
    }

    @Test
    void aTypedWordMustMatchExactly() {
        Run run = propose(1, Map.of(ConfirmCommand.TYPED, "acme-prod"));

        assertTrue(run(ALICE, "confirm " + run.id() + " ACME-PROD").startsWith("⛔ Not confirmed: you typed ACME-PROD"));
        assertEquals(RunState.PROPOSED, store.find(run.id()).orElseThrow().state());
        run(ALICE, "confirm " + run.id() + " acme-prod");
        assertEquals(RunState.SUCCEEDED, store.find(run.id()).orElseThrow().state());
    }

    @Test
    void aSecondOperatorApprovesButNeverTheRequester() {
        Run run = propose(2, Map.of());

        assertEquals("⌛ Confirmed. Run " + run.id() + " (Copy the things) needs one more operator's approval: another "
                + "operator runs /dr approve " + run.id() + " within 30 minutes. Nothing has changed yet; /dr cancel "
                + run.id() + " withdraws it.", run(ALICE, "confirm " + run.id()));
        assertEquals("⛔ You asked for this run; another operator must approve it.", run(ALICE, "approve " + run.id()));
        assertEquals("🚀 Approved. Run " + run.id() + " started: Copy the things. Each step is reported as it runs; "
                + "/dr cancel " + run.id() + " stops it at the next safe point.", run(BOB, "approve " + run.id()));
        assertEquals(RunState.SUCCEEDED, store.find(run.id()).orElseThrow().state());
        assertEquals("⛔ Run " + run.id() + " has already finished.", run(CAROL, "approve " + run.id()));
    }

    @Test
    void cancellingARunningRunSaysWhatIsDoneAndWhereItWillStop() {
        Run run = propose(1, Map.of());
        AtomicReference<String> answer = new AtomicReference<>();
        onWait = now -> {
            if (answer.get() == null && now.step("copy").map(s -> s.detail().equals("copied 25%")).orElse(false)) {
                answer.set(run(BOB, "cancel " + run.id()));
            }
        };

        run(ALICE, "confirm " + run.id());

        assertEquals("⌛ Cancelling run " + run.id() + " (Copy the things): it stops at the next safe point (now: Copy "
                + "things — copied 25%).\nDone so far:\n• Prepare: prepare done\nWhen it stops, its closing message says "
                + "the state it leaves and what to do next.", answer.get());
        Run done = store.find(run.id()).orElseThrow();
        assertEquals(RunState.CANCELLED, done.state());
        assertEquals("Cancelled by U0BOB at: Copy things. Stopped at Copy things; the copy is incomplete.", done.outcome());
        assertEquals("⛔ Run " + run.id() + " has already ended (cancelled).", run(BOB, "cancel " + run.id()));
    }

    @Test
    void theRunCommandsAreForOperatorsOnly() {
        Run run = propose(1, Map.of());
        String answer = run(new Actor("U0EVE", "eve"), "confirm " + run.id());

        assertTrue(answer.startsWith("⛔ confirm changes things, so only operators may run it"), answer);
        assertEquals(RunState.PROPOSED, store.find(run.id()).orElseThrow().state());
    }
}
