package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.MoreExecutors;
import dev.lifeboat.access.Operators;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.RetryBackoff;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunIds;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.testing.InMemoryRunStore;
import dev.lifeboat.testing.MemoryAuditLog;
import dev.lifeboat.testing.ManualClock;
import dev.lifeboat.testing.TestRunbook;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    final List<Invocation> rehearsals = new ArrayList<>();
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T03:00:00Z"));
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    static CommandHandler handler(CommandSpec spec, Function<Invocation, Reply> body) {
        return new CommandHandler() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public Reply handle(Invocation invocation) {
                return body.apply(invocation);
            }
        };
    }

    Console console() {
        CommandHandler offer = handler(CommandSpec.reads("offer", "", "offers two next steps"), i -> Reply.builder("Restore b012?")
                .section("Restore *b012* into *acme-prod*?")
                .buttons(List.of(Button.of("Show logs", "logs"),
                        Button.typed("Restore production", "rehearse b012", Button.Style.DANGER, "acme-prod")))
                .build());
        CommandHandler rehearse = handler(CommandSpec.changes("rehearse", "BACKUP APP", "records what it was asked"), i -> {
            rehearsals.add(i);
            return Reply.text("Rehearsed " + i.rest() + " for " + i.actor().name());
        });
        AuditLog audit = new MemoryAuditLog();
        Operators operators = new Operators(new AccessSettings(List.of(), 1), group -> Set.of(), clock);
        CommandRunner runner = new CommandRunner(new CommandRegistry(Set.of(offer, rehearse)), operators, audit, clock, Set.of());
        return new Console(runner, "alice");
    }

    String session(String input) throws Exception {
        console().interactive(new BufferedReader(new StringReader(input)), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReplysButtonsAreOfferedAsNumberedChoices() throws Exception {
        String output = session("offer\nexit\n");

        assertTrue(output.contains("Restore b012 into acme-prod?\nNext steps:\n"
                + "  1) Show logs  (logs)\n"
                + "  2) Restore production  (rehearse b012; asks you to type acme-prod)\n"
                + "Type a number to choose, or any command.\n"), output);
    }

    @Test
    void aButtonThatAsksForAWordRunsItsCommandWithTheTypedLineAsTheLastWord() throws Exception {
        String output = session("offer\n2\nacme-prod\nexit\n");

        assertTrue(output.contains("Type acme-prod to confirm: "), output);
        assertTrue(output.contains("→ rehearse b012 acme-prod\nRehearsed b012 acme-prod for alice\n"), output);
        assertEquals(1, rehearsals.size());
        assertEquals(List.of("b012", "acme-prod"), rehearsals.get(0).args());
        assertEquals("console:alice", rehearsals.get(0).actor().id());
    }

    @Test
    void nothingRunsWhenTheWordIsLeftBlank() throws Exception {
        String output = session("offer\n2\n   \nexit\n");

        assertTrue(output.contains("Nothing typed; nothing was run."), output);
        assertEquals(List.of(), rehearsals);
    }

    @Test
    void aNumberOutsideTheChoicesIsNotRunAsACommandAndTheChoicesStay() throws Exception {
        String output = session("offer\n3\n2\nacme-prod\nexit\n");

        assertTrue(output.contains("Choose 1–2, or type a command."), output);
        assertEquals(1, rehearsals.size(), "the choices were still there after the wrong number");
    }

    @Test
    void choicesLastOnlyForTheNextLine() throws Exception {
        String output = session("offer\nhelp-me\n2\nexit\n");

        assertEquals(List.of(), rehearsals);
        assertTrue(output.contains("I don't know `2`") || output.contains("I don't know 2"), output);
    }

    @Test
    void aRunsStepsArePrintedLiveOneLinePerChange() {
        InMemoryRunStore store = new InMemoryRunStore();
        ConsoleProgress progress = new ConsoleProgress(out, clock);
        RunEngine engine = new RunEngine(store, Set.of(new TestRunbook(clock::advance)), Set.of(progress), clock,
                d -> clock.advance(d), MoreExecutors.newDirectExecutorService(), new RunIds(), RetryBackoff.DEFAULT, new dev.lifeboat.runbook.Instance("test"));
        Run run = engine.propose(TestRunbook.NAME, "Restore b012 into acme-prod", "postgres:acme-prod",
                RunParams.of(Map.of("progress", "1")), "console:alice");

        engine.confirm(run.id(), "console:alice");

        String id = "[" + run.id() + "] ";
        assertEquals(id + "Started by alice.\n"
                + id + "▶ Announce in the incident channel\n"
                + id + "✓ Announce in the incident channel (posted) 1 s\n"
                + id + "▶ Safety backup of acme-prod\n"
                + id + "✓ Safety backup of acme-prod (b014, 90.00 MB) 8 s\n"
                + id + "▶ Restore b012 into acme-prod\n"
                + id + "… Restore b012 into acme-prod: restoring: 45.00 MB of 90.00 MB (50%)\n"
                + id + "✓ Restore b012 into acme-prod (restored 90.00 MB) 12 s\n"
                + id + "▶ Verify the app answers\n"
                + id + "✓ Verify the app answers (200 in 85 ms) 1 s\n"
                + id + "✅ Succeeded in 22 s: Done. RTO 22 s, RPO 2 h.\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedStepSaysWhyAndTheEndSaysWhatStateThingsAreIn() {
        InMemoryRunStore store = new InMemoryRunStore();
        RunEngine engine = new RunEngine(store, Set.of(new TestRunbook(clock::advance)), Set.of(new ConsoleProgress(out, clock)),
                clock, d -> clock.advance(d), MoreExecutors.newDirectExecutorService(), new RunIds(), RetryBackoff.DEFAULT, new dev.lifeboat.runbook.Instance("test"));
        Run run = engine.propose(TestRunbook.NAME, "Restore b012 into acme-prod", "postgres:acme-prod",
                RunParams.of(Map.of("fail", "restore")), "console:alice");

        engine.confirm(run.id(), "console:alice");

        String output = bytes.toString(StandardCharsets.UTF_8);
        String id = "[" + run.id() + "] ";
        assertTrue(output.contains(id + "✗ Restore b012 into acme-prod (" + TestRunbook.FAILURE + ") 0 ms\n"), output);
        assertTrue(output.endsWith(id + "❌ Failed in 9 s: Maintenance mode is ON: run /dr maintenance off once the database is sound.\n"), output);
    }
}
