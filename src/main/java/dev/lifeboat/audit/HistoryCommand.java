package dev.lifeboat.audit;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code history [N]}: the newest audit entries. */
public final class HistoryCommand implements CommandHandler {
    static final int DEFAULT = 10;
    static final int MAX = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final CommandSpec SPEC = CommandSpec.reads("history", "[N]", "recent commands and runs, from the audit log");

    private final AuditLog audit;

    @Inject
    public HistoryCommand(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public boolean answersImmediately() {
        return true;
    }

    @Override
    public Reply handle(Invocation invocation) {
        int limit = invocation.arg(0).map(HistoryCommand::parseCount).orElse(DEFAULT);
        if (invocation.args().size() > 1) {
            throw new UsageException("`history` takes at most one number.");
        }
        List<AuditEntry> entries = audit.recent(limit);
        if (entries.isEmpty()) {
            return Reply.text("The audit log is empty: nothing has been run yet.");
        }
        StringBuilder lines = new StringBuilder();
        for (AuditEntry e : entries) {
            String who = e.actorId().startsWith("console:") ? e.actorName() + " (console)" : "<@" + e.actorId() + ">";
            lines.append('`').append(TIME.format(e.at())).append("` ").append(who)
                    .append(" `").append(e.commandText().replace("`", "'")).append("` → ").append(e.outcome());
            e.detail().ifPresent(d -> lines.append(" — ").append(d.replace("`", "'")));
            lines.append(" _(").append(e.runId()).append(")_\n");
        }
        String title = "Last " + entries.size() + (entries.size() == 1 ? " command" : " commands");
        return Reply.builder(title).header(title).section(lines.toString().stripTrailing()).build();
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
