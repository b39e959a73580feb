package dev.lifeboat.console;

import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.Surface;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/** The terminal front door: the same command words as {@code /dr}, answered as text, sharing the audit log. */
public final class Console {
    private final CommandRunner runner;
    private final Actor actor;

    public Console(CommandRunner runner, String user) {
        this.runner = runner;
        this.actor = new Actor("console:" + user, user);
    }

    /** Runs one command and returns its answer as text. */
    public String run(String line) {
        Reply reply = runner.run(strip(line), actor, Surface.CONSOLE, Optional.empty());
        return TextRenderer.render(reply);
    }

    /** Reads commands until end of input or {@code exit}. */
    public void interactive(BufferedReader in, PrintStream out) throws IOException {
        while (true) {
            out.print("dr> ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                return;
            }
            String command = strip(line);
            if (command.isEmpty()) {
                continue;
            }
            String lower = command.toLowerCase(Locale.ROOT);
            if (lower.equals("exit") || lower.equals("quit")) {
                return;
            }
            out.println(run(command));
            out.println();
        }
    }

    private static String strip(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("/dr") ? trimmed.substring(3).strip() : trimmed;
    }
}
