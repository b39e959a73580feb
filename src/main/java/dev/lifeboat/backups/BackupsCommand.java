package dev.lifeboat.backups;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.status.StatusService;
import jakarta.inject.Inject;

/**
 * {@code backups}: recent Heroku backups and their offsite copies. It reads the same shared round of upstream
 * calls as {@code status}, so asking both during an incident costs one round.
 */
public final class BackupsCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.reads("backups", "",
            "recent Heroku backups and their offsite S3 copies: name, time, age, size, copied or not");

    private final StatusService service;

    @Inject
    public BackupsCommand(StatusService service) {
        this.service = service;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        if (!invocation.args().isEmpty()) {
            throw new UsageException("`backups` takes no arguments.");
        }
        return BackupsReport.render(service.facts());
    }
}
