package dev.lifeboat.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.access.Operators;
import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.testing.MemoryAuditLog;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {
    final MemoryAuditLog audit = new MemoryAuditLog();
    final Actor alice = new Actor("U0ALICE", "alice");
    final java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();

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

    CommandRunner runner(CommandHandler... handlers) {
        Operators operators = new Operators(new AccessSettings(List.of("U0OPS"), 1), group -> Set.of(),
                Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC));
        return new CommandRunner(new CommandRegistry(Set.of(handlers)), operators, audit,
                Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC), Set.of(changes::incrementAndGet));
    }

    String run(CommandRunner runner, String text) {
        return TextRenderer.render(runner.run(text, alice, Surface.SLACK, Optional.of("C1")));
    }

    @Test
    void anUnexpectedExceptionBecomesAShortMessageWithAnErrorIdAndNoDetails() {
        CommandRunner runner = runner(handler(CommandSpec.reads("status", "", "s"), i -> {
            throw new IllegalStateException("connection string postgres://u:secret@db/x is broken");
        }));

        String answer = run(runner, "status");

        String runId = audit.entries().get(0).runId();
        assertEquals("💥 Something went wrong running status. Error id E-" + runId + " (the details are in Lifeboat's log).", answer);
        assertFalse(answer.contains("secret"));
        assertEquals("error", audit.entries().get(0).outcome());
    }

    @Test
    void anUpstreamFailureShowsTheSystemsOwnMessage() {
        CommandRunner runner = runner(handler(CommandSpec.reads("status", "", "s"), i -> {
            throw new UpstreamException("Heroku", Failure.UNAUTHORIZED, 401, null,
                    "Heroku rejected HEROKU_API_KEY (401): the token is wrong or expired.", null);
        }));

        String answer = run(runner, "status");

        assertTrue(answer.startsWith("⚠️ status could not finish: Heroku rejected HEROKU_API_KEY (401): the token is wrong or expired. (run "), answer);
        assertEquals("failed", audit.entries().get(0).outcome());
    }

    @Test
    void aMalformedIdIsAnsweredLikeBadInputWithTheUsageLine() {
        List<String> restarted = new ArrayList<>();
        CommandRunner runner = runner(handler(CommandSpec.changes("restart", "DYNO", "restart a dyno"), i -> {
            restarted.add(PathId.require(PathId.Kind.DYNO, i.args().get(0)));
            return Reply.text("restarting");
        }));

        String answer = TextRenderer.render(runner.run("restart ..", new Actor("U0OPS", "ops"), Surface.SLACK,
                Optional.of("C1")));

        assertEquals(".. is not a dyno name (expected e.g. web.1).\nUsage: /dr restart DYNO", answer);
        assertTrue(restarted.isEmpty());
        AuditEntry last = audit.entries().get(audit.entries().size() - 1);
        assertEquals("bad-input", last.outcome());
        assertEquals(Optional.of("`..` is not a dyno name (expected e.g. web.1)."), last.detail());
    }

    @Test
    void theLongestCommandNameWinsAndTheRestAreArguments() {
        List<String> seen = new ArrayList<>();
        CommandRunner runner = runner(
                handler(CommandSpec.reads("site", "", "site"), i -> Reply.text("site")),
                handler(CommandSpec.reads("site restore", "[DEPLOY]", "restore"), i -> {
                    seen.addAll(i.args());
                    return Reply.text("restoring");
                }));

        assertEquals("restoring", run(runner, "SITE Restore 5f3a"));
        assertEquals(List.of("5f3a"), seen);
        assertEquals("site", run(runner, "site"));
    }

    @Test
    void anUnknownWordSuggestsCommandsSharingIt() {
        CommandRunner runner = runner(
                handler(CommandSpec.reads("site restore", "", "r"), i -> Reply.text("r")),
                handler(CommandSpec.reads("site rebuild", "", "b"), i -> Reply.text("b")));

        String answer = run(runner, "site");

        assertEquals("I don't know site. Usage: /dr COMMAND [ARGS].\nDid you mean /dr site rebuild or /dr site restore?\n"
                + "/dr help lists every command with what it does.", answer);
        assertEquals("unknown-command", audit.entries().get(0).outcome());
    }

    @Test
    void emptyTextPointsAtStatusAndHelpWithoutAuditing() {
        assertTrue(run(runner(), "  ").contains("Try /dr status, or /dr help for every command."));
        assertTrue(audit.entries().isEmpty());
    }

    @Test
    void aDeniedChangeNeverReachesTheHandler() {
        List<String> ran = new ArrayList<>();
        CommandRunner runner = runner(handler(CommandSpec.changes("rollback", "[vNNN]", "r"), i -> {
            ran.add("ran");
            return Reply.text("rolled back");
        }));

        String answer = run(runner, "rollback v12");

        assertTrue(answer.startsWith("⛔ rollback changes things, so only operators may run it: U0OPS."), answer);
        assertTrue(ran.isEmpty());
        assertEquals(0, changes.get());
        assertEquals("denied", audit.entries().get(0).outcome());
        assertEquals("rollback v12", audit.entries().get(0).commandText());
    }

    @Test
    void whenSlackCannotSayWhoIsInTheOperatorsGroupTheChangeIsDeniedWithTheReason() {
        List<String> ran = new ArrayList<>();
        Operators operators = new Operators(new AccessSettings(List.of("S0OPS"), 1), group -> {
            throw new IllegalStateException("usergroups.users.list for S0OPS answered HTTP 429 ratelimited");
        }, Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC));
        CommandRunner runner = new CommandRunner(new CommandRegistry(Set.of(handler(
                CommandSpec.changes("rollback", "", "r"), i -> {
                    ran.add("ran");
                    return Reply.text("rolled back");
                }))), operators, audit, Clock.systemUTC(), Set.of());

        String answer = run(runner, "rollback");

        assertEquals("⛔ rollback changes things, so only operators may run it. Lifeboat cannot check the operators"
                + " group right now (Slack: usergroups.users.list for S0OPS answered HTTP 429 ratelimited); try again"
                + " shortly.", answer);
        assertTrue(ran.isEmpty());
        assertEquals("denied", audit.entries().get(0).outcome());
    }

    @Test
    void consoleUsersMayChangeThings() {
        CommandRunner runner = runner(handler(CommandSpec.changes("rollback", "", "r"), i -> Reply.text("rolled back")));

        Reply reply = runner.run("rollback", new Actor("console:ops", "ops"), Surface.CONSOLE, Optional.empty());

        assertEquals("rolled back", TextRenderer.render(reply));
        assertEquals("console", audit.entries().get(0).surface());
        assertEquals(1, changes.get(), "a finished change is announced, so cached status is not shown stale");
    }

    @Test
    void aCommandThatChangesOnlyTheDemoWorldMayBeRunByAnyoneAndIsStillAnnouncedAsAChange() {
        List<String> ran = new ArrayList<>();
        CommandHandler demo = new CommandHandler() {
            @Override
            public CommandSpec spec() {
                return CommandSpec.changesDemoWorld("demo", "[break|heal PART]", "practise");
            }

            @Override
            public boolean answersImmediately() {
                return true;
            }

            @Override
            public Reply handle(Invocation invocation) {
                ran.add(invocation.rest());
                return Reply.text("Broke app");
            }
        };
        CommandRunner runner = runner(demo);

        String answer = run(runner, "demo break app");

        assertEquals("Broke app", answer, "alice is no operator, and may still practise");
        assertEquals(List.of("break app"), ran);
        assertEquals("ok", audit.entries().get(0).outcome());
        assertEquals(1, changes.get(), "a break ends the status share window like any change");
        assertTrue(runner.prepare("demo break app").answersImmediately(), "no operator lookup, so it fits in the ack");
    }

    @Test
    void helpListsDemoWorldChangesApartFromReadsAndFromOperatorOnlyChanges() {
        CommandRegistry registry = new CommandRegistry(Set.of(
                handler(CommandSpec.reads("status", "", "one-glance health"), i -> Reply.text("")),
                handler(CommandSpec.changesDemoWorld("demo", "[break|heal PART]", "practise an outage"), i -> Reply.text("")),
                handler(CommandSpec.changes("rollback", "[vNNN]", "roll back a release"), i -> Reply.text(""))));
        Operators operators = new Operators(new AccessSettings(List.of("U0OPS"), 1), group -> Set.of(), Clock.systemUTC());

        String help = TextRenderer.render(new HelpCommand(() -> registry, operators).handle(null));

        assertTrue(help.contains("Anyone may run (read only):\n/dr status — one-glance health\n"), help);
        assertTrue(help.contains("Anyone may run (these change the demo world: simulated systems only, nothing real):\n"
                + "/dr demo [break|heal PART] — practise an outage\n"), help);
        assertTrue(help.contains("Operators only (these change things):\n/dr rollback [vNNN] — roll back a release"), help);
    }

    @Test
    void aChangeIsRecordedAsStartedBeforeItRunsAndItsOutcomeAfterUnderTheSameRunId() {
        List<MemoryAuditLog.Appended> seenByHandler = new ArrayList<>();
        CommandRunner runner = runner(handler(CommandSpec.changes("rollback", "", "r"), i -> {
            seenByHandler.addAll(audit.appended());
            return Reply.text("rolled back");
        }));

        String answer = TextRenderer.render(runner.run("rollback", new Actor("console:ops", "ops"), Surface.CONSOLE, Optional.empty()));

        assertEquals("rolled back", answer);
        assertEquals(1, seenByHandler.size(), "the start is stored before the handler runs");
        assertEquals("started", seenByHandler.get(0).entry().outcome());
        assertTrue(seenByHandler.get(0).now(), "and the runner waited for it to be stored");
        List<AuditEntry> entries = audit.entries();
        assertEquals(List.of("started", "ok"), entries.stream().map(AuditEntry::outcome).toList());
        assertEquals(entries.get(0).runId(), entries.get(1).runId());
        assertFalse(audit.appended().get(1).now(), "the outcome is queued, not waited for");
    }

    @Test
    void whenTheAuditLogCannotRecordTheStartTheChangeDoesNotRunAndThePersonIsToldWhy() {
        List<String> ran = new ArrayList<>();
        CommandRunner runner = runner(handler(CommandSpec.changes("rollback", "", "r"), i -> {
            ran.add("ran");
            return Reply.text("rolled back");
        }));
        audit.down("Connection to postgres://lifeboat:hunter2@db.internal:5432/lifeboat refused");

        String answer = TextRenderer.render(runner.run("rollback", new Actor("console:ops", "ops"), Surface.CONSOLE, Optional.empty()));

        assertTrue(ran.isEmpty(), "nothing runs unrecorded");
        assertEquals(0, changes.get());
        String runId = audit.entries().get(0).runId();
        assertEquals("⚠️ Lifeboat cannot record this in its audit log right now (its state store fails: Connection to "
                + "postgres://****@db.internal:5432/lifeboat refused); nothing was changed. Try rollback again in a minute;"
                + " if this persists, whoever runs Lifeboat should check its state store (run " + runId + ").", answer);
        AuditEntry notRun = audit.entries().get(0);
        assertEquals("not-run", notRun.outcome(), "queued, in case the store takes it later");
        assertFalse(notRun.detail().orElseThrow().contains("hunter2"), notRun.detail().orElseThrow());
    }

    @Test
    void aReadOnlyCommandStillRunsWhileTheAuditLogIsDownAndItsEntryIsQueued() {
        CommandRunner runner = runner(handler(CommandSpec.reads("status", "", "s"), i -> Reply.text("all clear")));
        audit.down("Connection refused");

        assertEquals("all clear", run(runner, "status"));
        assertEquals(1, audit.appended().size());
        assertFalse(audit.appended().get(0).now());
        assertEquals("ok", audit.entries().get(0).outcome());
    }
}
