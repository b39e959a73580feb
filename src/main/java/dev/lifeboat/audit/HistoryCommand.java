package dev.lifeboat.audit;

import dev.lifeboat.access.Operators;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.RunIds;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code history [N]}: the newest audit entries. Operators see everyone's; anyone else sees only their own, and is
 * told so. It reads the database, so it answers after Slack's acknowledgement, bounded by the audit log's query
 * timeout. A changing command's "started" entry is shown only while its outcome is not in the log. A runbook's run
 * is one line, its newest state (for a finished restore: the outcome with RTO and RPO); {@code history RUN} tells
 * that run's whole story, oldest first: who confirmed and approved, every step, the end.
 */
public final class HistoryCommand implements CommandHandler {
    static final int DEFAULT = 10;
    static final int MAX = 50;
    static final String OWN_ONLY = "Only operators see everyone's commands; these are yours.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** Entries read for N lines: a run writes one entry per step besides its run-level ones. */
    static final int READ_PER_LINE = 12;
    static final int RUN_ENTRIES = 200;
    private static final CommandSpec SPEC = CommandSpec.reads("history", "[N|RUN]",
            "recent commands and runs, from the audit log; with a run id, every step of that run");

    private final AuditLog audit;
    private final Operators operators;

    @Inject
    public HistoryCommand(AuditLog audit, Operators operators) {
        this.audit = audit;
        this.operators = operators;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        if (invocation.args().size() > 1) {
            throw new UsageException("`history` takes at most one number, or a run id.");
        }
        boolean everyone = operators.decide(invocation.actor()).allowed();
        Optional<String> runId = invocation.arg(0).filter(RunIds::looksLikeRunId);
        if (runId.isPresent()) {
            return run(runId.get(), everyone, invocation.actor().id());
        }
        int limit = invocation.arg(0).map(HistoryCommand::parseCount).orElse(DEFAULT);
        int read = limit * READ_PER_LINE;
        List<AuditEntry> entries = everyone ? audit.recent(read) : audit.recentBy(invocation.actor().id(), read);
        List<AuditEntry> shown = lines(entries, limit);
        if (shown.isEmpty()) {
            return Reply.text(everyone ? "The audit log is empty: nothing has been run yet."
                    : "You have not run any command yet. " + OWN_ONLY.replace("; these are yours.", "."));
        }
        StringBuilder lines = new StringBuilder();
        boolean anyRun = false;
        for (AuditEntry e : shown) {
            line(lines, e);
            lines.append(" _(").append(e.runId()).append(")_\n");
            anyRun |= isRun(e);
        }
        String title = (everyone ? "Last " : "Your last ") + shown.size() + (shown.size() == 1 ? " command" : " commands");
        Reply.Builder reply = Reply.builder(title).header(title).section(lines.toString().stripTrailing());
        if (anyRun) {
            reply.context("A run shows as one line, its newest state; `history RUN` shows every step of it.");
        }
        if (!everyone) {
            reply.context(OWN_ONLY);
        }
        return reply.build();
    }

    /** One run's story, oldest first. */
    private Reply run(String runId, boolean everyone, String actorId) {
        List<AuditEntry> entries = audit.ofRun(runId, RUN_ENTRIES).stream()
                .filter(e -> everyone || e.actorId().equals(actorId)).toList();
        if (entries.isEmpty()) {
            return Reply.text("The audit log holds nothing about run " + runId
                    + (everyone ? "." : " that you did. " + OWN_ONLY.replace("; these are yours.", ".")));
        }
        StringBuilder lines = new StringBuilder();
        for (AuditEntry e : entries) {
            line(lines, e);
            lines.append('\n');
        }
        String title = "Run " + runId + ": " + entries.size() + (entries.size() == 1 ? " entry" : " entries");
        Reply.Builder reply = Reply.builder(title).header(title).section(lines.toString().stripTrailing());
        if (entries.size() == RUN_ENTRIES) {
            reply.context("The first " + RUN_ENTRIES + " entries; the audit log holds more.");
        }
        if (!everyone) {
            reply.context(OWN_ONLY);
        }
        return reply.build();
    }

    private static void line(StringBuilder lines, AuditEntry e) {
        String who = e.actorId().startsWith("console:") ? e.actorName() + " (console)"
                : e.actorId().matches("[UW][A-Z0-9]+") ? "<@" + e.actorId() + ">"
                : e.actorName().isBlank() ? e.actorId() : e.actorName();
        lines.append('`').append(TIME.format(e.at())).append("` ").append(who)
                .append(" `").append(e.commandText().replace("`", "'")).append("` → ").append(outcome(e));
        e.detail().ifPresent(d -> lines.append(" — ").append(d.replace("`", "'")));
    }

    /**
     * Newest first, at most {@code limit}: a "started" entry whose outcome is also listed is left out, and a run is
     * one line, its newest run-level entry (its steps are left to {@code history RUN}).
     */
    static List<AuditEntry> lines(List<AuditEntry> newestFirst, int limit) {
        Set<String> finished = new HashSet<>();
        Set<String> runsShown = new HashSet<>();
        List<AuditEntry> out = new ArrayList<>();
        for (AuditEntry e : newestFirst) {
            if (isRun(e)) {
                if (!AuditRunListener.isStep(e) && runsShown.add(e.runId()) && out.size() < limit) {
                    out.add(e);
                }
                continue;
            }
            boolean started = "started".equals(e.outcome());
            if (!started) {
                finished.add(e.runId());
            }
            if (started && finished.contains(e.runId())) {
                continue;
            }
            if (out.size() < limit) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean isRun(AuditEntry e) {
        return AuditRunListener.SURFACE.equals(e.surface());
    }

    private static String outcome(AuditEntry e) {
        if (isRun(e)) {
            return "started".equals(e.outcome()) ? "running" : e.outcome();
        }
        return "started".equals(e.outcome()) ? "started (no outcome recorded yet)" : e.outcome();
    }

    private static int parseCount(String word) {
        try {
            int n = Integer.parseInt(word);
            if (n < 1 || n > MAX) {
                throw new UsageException("N must be between 1 and " + MAX + ", got " + n + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("`" + word + "` is not a number of entries, nor a run id (like `r-7k2m9q`).");
        }
    }
}
