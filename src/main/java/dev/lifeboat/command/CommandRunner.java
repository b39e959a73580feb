package dev.lifeboat.command;

import dev.lifeboat.access.Operators;
import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.audit.AuditUnavailableException;
import dev.lifeboat.config.Redact;
import dev.lifeboat.http.InvalidIdException;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a command runs, from Slack or the console: find it, check who may run it, run it, record it. A command
 * that changes things runs only once its "started" entry is stored in the audit log (the outcome follows under the
 * same run id); when the log cannot take it, nothing runs and the person is told why. This is also the error
 * boundary: an unexpected exception becomes a short message with an error id; details go to the log.
 */
@Singleton
public final class CommandRunner {
    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
    private static final char[] ID_CHARS = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    /** A command text resolved to its handler (or to nothing, when unknown). */
    public record Prepared(String text, List<String> words, Optional<CommandRegistry.Match> match) {
        /**
         * True when the answer can go in Slack's acknowledgement: unknown, empty, or fast and local (an operators-only
         * command never is: checking who may run it can ask Slack).
         */
        public boolean answersImmediately() {
            return match.map(m -> m.handler().answersImmediately() && !m.handler().spec().operatorsOnly()).orElse(true);
        }
    }

    private final CommandRegistry registry;
    private final Operators operators;
    private final AuditLog audit;
    private final Clock clock;
    private final Set<ChangeListener> listeners;

    @Inject
    public CommandRunner(CommandRegistry registry, Operators operators, AuditLog audit, Clock clock,
                         Set<ChangeListener> listeners) {
        this.registry = registry;
        this.operators = operators;
        this.audit = audit;
        this.clock = clock;
        this.listeners = listeners;
    }

    public Prepared prepare(String text) {
        List<String> words = CommandRegistry.words(text);
        return new Prepared(text == null ? "" : text.strip(), words, registry.find(words));
    }

    public Reply run(String text, Actor actor, Surface surface, Optional<String> channel) {
        return run(prepare(text), actor, surface, channel);
    }

    public Reply run(Prepared prepared, Actor actor, Surface surface, Optional<String> channel) {
        String runId = newRunId();
        if (prepared.words().isEmpty()) {
            return Reply.text("Lifeboat runs the disaster-recovery plan. Try `/dr status`, or `/dr help` for every command.");
        }
        if (prepared.match().isEmpty()) {
            record(runId, actor, surface, channel, prepared.text(), "unknown-command", Optional.empty());
            return unknown(prepared.words().get(0));
        }
        CommandRegistry.Match match = prepared.match().get();
        CommandHandler handler = match.handler();
        CommandSpec spec = handler.spec();
        Operators.Decision access = spec.operatorsOnly() ? operators.decide(actor) : new Operators.Allowed();
        if (access instanceof Operators.CannotCheck unknown) {
            record(runId, actor, surface, channel, prepared.text(), "denied", Optional.of("operators group unknown"));
            log.info("event=command_denied run={} command=\"{}\" actor={} reason=group_unknown", runId, spec.name(),
                    actor.id());
            return Reply.text(":no_entry: `" + spec.name() + "` changes things, so only operators may run it. "
                    + unknown.message());
        }
        if (!access.allowed()) {
            record(runId, actor, surface, channel, prepared.text(), "denied", Optional.of("not an operator"));
            log.info("event=command_denied run={} command=\"{}\" actor={}", runId, spec.name(), actor.id());
            return Reply.text(":no_entry: `" + spec.name() + "` changes things, so only operators may run it: "
                    + operators.describe() + ". Ask one of them, or ask an admin to add you to LIFEBOAT_OPERATORS.");
        }
        // A change to a real system is recorded before it happens; the demo world's practice changes are only queued.
        if (spec.operatorsOnly()) {
            Optional<Reply> refused = recordStart(runId, actor, surface, channel, prepared.text(), spec);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        Invocation invocation = new Invocation(runId, actor, surface, channel, prepared.text(), match.args());
        long start = System.nanoTime();
        try {
            Reply reply;
            try {
                reply = handler.handle(invocation);
            } finally {
                if (spec.changes()) {
                    listeners.forEach(ChangeListener::changed);
                }
            }
            record(runId, actor, surface, channel, prepared.text(), "ok", Optional.empty());
            log.info("event=command_done run={} command=\"{}\" actor={} surface={} ms={}", runId, spec.name(),
                    actor.id(), surface.label(), (System.nanoTime() - start) / 1_000_000);
            return reply;
        } catch (UsageException | InvalidIdException e) {
            // A malformed id (e.g. `..` for a dyno) is bad input like any other: say what is wrong and how to call.
            record(runId, actor, surface, channel, prepared.text(), "bad-input", Optional.of(e.getMessage()));
            return Reply.text(e.getMessage() + "\nUsage: `" + spec.usageLine() + "`");
        } catch (BusyException e) {
            record(runId, actor, surface, channel, prepared.text(), "failed", Optional.of("busy: " + e.getMessage()));
            log.warn("event=command_busy run={} command=\"{}\" full=\"{}\"", runId, spec.name(), e.getMessage());
            return Reply.text(BusyException.ANSWER);
        } catch (UpstreamException e) {
            record(runId, actor, surface, channel, prepared.text(), "failed", Optional.of(e.getMessage()));
            log.warn("event=command_failed run={} command=\"{}\" system={} failure={} message=\"{}\"", runId,
                    spec.name(), e.system(), e.failure(), Redact.text(e.getMessage()));
            return Reply.text(":warning: `" + spec.name() + "` could not finish: " + Redact.text(e.getMessage())
                    + " (run " + runId + ")");
        } catch (RuntimeException e) {
            String errorId = "E-" + runId;
            record(runId, actor, surface, channel, prepared.text(), "error", Optional.of(errorId + " " + e.getClass().getSimpleName()));
            log.error("event=command_error run={} error_id={} command=\"{}\"", runId, errorId, spec.name(), e);
            return Reply.text(":boom: Something went wrong running `" + spec.name() + "`. Error id `" + errorId
                    + "` (the details are in Lifeboat's log).");
        }
    }

    private Reply unknown(String word) {
        List<String> related = registry.namesStartingWith(word);
        String hint = related.isEmpty()
                ? "Commands: " + String.join(", ", registry.all().stream().map(h -> "`" + h.spec().name() + "`").toList())
                : "Did you mean " + String.join(" or ", related.stream().map(n -> "`/dr " + n + "`").toList()) + "?";
        return Reply.text("I don't know `" + word + "`. Usage: `/dr COMMAND [ARGS]`.\n" + hint
                + "\n`/dr help` lists every command with what it does.");
    }

    /** Stores the "started" entry before anything changes; when it cannot be stored, the refusal to show. */
    private Optional<Reply> recordStart(String runId, Actor actor, Surface surface, Optional<String> channel, String text,
                                        CommandSpec spec) {
        try {
            audit.appendNow(new AuditEntry(clock.instant(), actor.id(), actor.name(), surface.label(), channel, text,
                    "started", Optional.empty(), runId));
            return Optional.empty();
        } catch (AuditUnavailableException e) {
            String reason = Redact.text(e.getMessage());
            // Should the "started" entry land later after all, this one says the command never ran.
            record(runId, actor, surface, channel, text, "not-run", Optional.of("the audit log could not record the start: " + reason));
            log.warn("event=command_not_run run={} command=\"{}\" actor={} reason=\"{}\"", runId, spec.name(), actor.id(), reason);
            return Optional.of(Reply.text(":warning: Lifeboat cannot record this in its audit log right now (" + reason
                    + "); nothing was changed. Try `" + spec.name() + "` again in a minute; if this persists, whoever"
                    + " runs Lifeboat should check its state store (run " + runId + ")."));
        }
    }

    private void record(String runId, Actor actor, Surface surface, Optional<String> channel, String text,
                        String outcome, Optional<String> detail) {
        try {
            audit.append(new AuditEntry(clock.instant(), actor.id(), actor.name(), surface.label(), channel, text,
                    outcome, detail, runId));
        } catch (RuntimeException e) {
            log.error("event=audit_write_failed run={} outcome={} error=\"{}\"", runId, outcome, e.getMessage());
        }
    }

    private String newRunId() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            // A correlation id, not a secret: a fast, uncontended generator is right here.
            id[i] = ID_CHARS[java.util.concurrent.ThreadLocalRandom.current().nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }
}
