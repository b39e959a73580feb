package dev.lifeboat.audit;

import dev.lifeboat.access.Operators;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code history [N]}: the newest audit entries. Operators see everyone's; anyone else sees only their own, and is
 * told so. It reads the database, so it answers after Slack's acknowledgement, bounded by the audit log's query
 * timeout. A changing command's "started" entry is shown only while its outcome is not in the log.
 */
public final class HistoryCommand implements CommandHandler {
    static final int DEFAULT = 10;
    static final int MAX = 50;
    static final String OWN_ONLY = "Only operators see everyone's commands; these are yours.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final CommandSpec SPEC = CommandSpec.reads("history", "[N]", "recent commands and runs, from the audit log");

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
        int limit = invocation.arg(0).map(HistoryCommand::parseCount).orElse(DEFAULT);
        if (invocation.args().size() > 1) {
            throw new UsageException("`history` takes at most one number.");
        }
        boolean everyone = operators.decide(invocation.actor()).allowed();
        // Twice as many as shown: a finished change has two entries (started, outcome) and shows as one line.
        List<AuditEntry> entries = everyone ? audit.recent(limit * 2) : audit.recentBy(invocation.actor().id(), limit * 2);
        List<AuditEntry> shown = lines(entries, limit);
        if (shown.isEmpty()) {
            return Reply.text(everyone ? "The audit log is empty: nothing has been run yet."
                    : "You have not run any command yet. " + OWN_ONLY.replace("; these are yours.", "."));
        }
        StringBuilder lines = new StringBuilder();
        for (AuditEntry e : shown) {
            String who = e.actorId().startsWith("console:") ? e.actorName() + " (console)" : "<@" + e.actorId() + ">";
            lines.append('`').append(TIME.format(e.at())).append("` ").append(who)
                    .append(" `").append(e.commandText().replace("`", "'")).append("` → ").append(outcome(e));
            e.detail().ifPresent(d -> lines.append(" — ").append(d.replace("`", "'")));
            lines.append(" _(").append(e.runId()).append(")_\n");
        }
        String title = (everyone ? "Last " : "Your last ") + shown.size() + (shown.size() == 1 ? " command" : " commands");
        Reply.Builder reply = Reply.builder(title).header(title).section(lines.toString().stripTrailing());
        if (!everyone) {
            reply.context(OWN_ONLY);
        }
        return reply.build();
    }

    /** Newest first, at most {@code limit}; a "started" entry whose outcome is also listed is left out. */
    static List<AuditEntry> lines(List<AuditEntry> newestFirst, int limit) {
        Set<String> finished = new HashSet<>();
        List<AuditEntry> out = new ArrayList<>();
        for (AuditEntry e : newestFirst) {
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

    private static String outcome(AuditEntry e) {
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
            throw new UsageException("`" + word + "` is not a number of entries.");
        }
    }
}
