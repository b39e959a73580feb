package dev.lifeboat.command;

import dev.lifeboat.reply.Reply;

/**
 * One command. Implementations are small injected classes, contributed with a Guice multibinder; bad arguments are
 * answered by throwing {@link UsageException}.
 */
public interface CommandHandler {
    CommandSpec spec();

    Reply handle(Invocation invocation);

    /**
     * True when the command only reads local state and answers in milliseconds, so Slack's acknowledgement can
     * carry the answer itself. Commands that call upstreams keep the default and answer through the response URL.
     */
    default boolean answersImmediately() {
        return false;
    }
}
