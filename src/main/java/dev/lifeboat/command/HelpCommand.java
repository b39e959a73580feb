package dev.lifeboat.command;

import dev.lifeboat.access.Operators;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;

/** {@code help}: every registered command, what it does, whether it changes anything and who may run it. */
final class HelpCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.reads("help", "", "lists the commands, what each changes and who may run it");

    private final Provider<CommandRegistry> registry;
    private final Operators operators;
    /** The commands and operators are fixed for the life of the process, so the answer is built once. */
    private volatile Reply answer;

    @Inject
    HelpCommand(Provider<CommandRegistry> registry, Operators operators) {
        this.registry = registry;
        this.operators = operators;
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
        Reply built = answer;
        if (built == null) {
            built = build();
            answer = built;
        }
        return built;
    }

    private Reply build() {
        List<String> reads = new ArrayList<>();
        List<String> practice = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (CommandHandler handler : registry.get().all()) {
            CommandSpec spec = handler.spec();
            String line = "`" + spec.usageLine() + "` — " + spec.purpose();
            switch (spec.effect()) {
                case READS -> reads.add(line);
                case CHANGES_DEMO_WORLD -> practice.add(line);
                case CHANGES -> changes.add(line);
            }
        }
        Reply.Builder reply = Reply.builder("Lifeboat commands").header("Lifeboat commands");
        reply.section("*Anyone may run* (read only):\n" + String.join("\n", reads));
        if (!practice.isEmpty()) {
            reply.section("*Anyone may run* (these change the demo world: simulated systems only, nothing real):\n"
                    + String.join("\n", practice));
        }
        if (!changes.isEmpty()) {
            reply.section("*Operators only* (these change things):\n" + String.join("\n", changes));
        }
        reply.context(operators.nobody()
                ? ":lock: Nobody may run changing commands from Slack: LIFEBOAT_OPERATORS is empty."
                : "Operators: " + operators.describe() + ".");
        return reply.build();
    }
}
