package dev.lifeboat.console;

import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.Surface;
import dev.lifeboat.reply.Block;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The terminal front door: the same command words as {@code /dr}, answered as text, sharing the audit log. In an
 * interactive session a reply's buttons are offered as numbered choices; a button that asks for a typed word (a
 * production restore's app name) asks for it before its command runs, and the typed line becomes its last word.
 */
public final class Console {
    private final CommandRunner runner;
    private final Actor actor;

    public Console(CommandRunner runner, String user) {
        this.runner = runner;
        this.actor = new Actor("console:" + user, user);
    }

    /** Runs one command and returns its answer as text. */
    public String run(String line) {
        return TextRenderer.render(answer(strip(line)));
    }

    /** Reads commands until end of input or {@code exit}. */
    public void interactive(BufferedReader in, PrintStream out) throws IOException {
        List<Button> choices = List.of();
        while (true) {
            print(out, "dr> ");
            String line = in.readLine();
            if (line == null) {
                out.println();
                return;
            }
            String command = strip(line);
            List<Button> offered = choices;
            choices = List.of();
            if (command.isEmpty()) {
                continue;
            }
            String lower = command.toLowerCase(Locale.ROOT);
            if (lower.equals("exit") || lower.equals("quit")) {
                return;
            }
            if (!offered.isEmpty() && command.matches("\\d{1,3}") && chosen(command, offered).isEmpty()) {
                println(out, "Choose 1–" + offered.size() + ", or type a command.\n");
                choices = offered;
                continue;
            }
            Optional<Button> chosen = chosen(command, offered);
            if (chosen.isPresent()) {
                Button button = chosen.get();
                command = button.command();
                if (button.typeToRun().isPresent()) {
                    print(out, "Type " + button.typeToRun().get() + " to confirm: ");
                    String typed = in.readLine();
                    if (typed == null) {
                        out.println();
                        return;
                    }
                    if (typed.isBlank()) {
                        println(out, "Nothing typed; nothing was run.\n");
                        continue;
                    }
                    command = command + " " + typed.strip();
                } else if (button.editText().isPresent()) {
                    print(out, "The text now:\n  " + button.editText().get() + "\nType the new text (one line): ");
                    String typed = in.readLine();
                    if (typed == null) {
                        out.println();
                        return;
                    }
                    if (typed.isBlank()) {
                        println(out, "Nothing typed; nothing was changed.\n");
                        continue;
                    }
                    command = command + " " + typed.strip();
                }
                println(out, "→ " + command);
            }
            Reply reply = answer(command);
            choices = buttons(reply);
            println(out, render(reply, choices) + "\n");
        }
    }

    private Reply answer(String command) {
        return runner.run(command, actor, Surface.CONSOLE, Optional.empty());
    }

    /** The reply as text, its buttons as numbered choices. */
    static String render(Reply reply, List<Button> choices) {
        if (choices.isEmpty()) {
            return TextRenderer.render(reply);
        }
        List<Block> withoutButtons = reply.blocks().stream().filter(b -> !(b instanceof Block.Actions)).toList();
        StringBuilder text = new StringBuilder(TextRenderer.render(new Reply(reply.summary(), withoutButtons, reply.visibility())));
        text.append("\nNext steps:");
        for (int i = 0; i < choices.size(); i++) {
            Button button = choices.get(i);
            text.append("\n  ").append(i + 1).append(") ").append(button.label()).append("  (").append(button.command())
                    .append(button.typeToRun().map(word -> "; asks you to type " + word).orElse(""))
                    .append(button.editText().map(current -> "; asks for the new text").orElse("")).append(')');
        }
        text.append("\nType a number to choose, or any command.");
        return text.toString();
    }

    static List<Button> buttons(Reply reply) {
        List<Button> buttons = new ArrayList<>();
        reply.blocks().stream().filter(b -> b instanceof Block.Actions).forEach(b -> buttons.addAll(((Block.Actions) b).buttons()));
        return List.copyOf(buttons);
    }

    private static Optional<Button> chosen(String input, List<Button> offered) {
        if (!input.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(input);
        return n >= 1 && n <= offered.size() ? Optional.of(offered.get(n - 1)) : Optional.empty();
    }

    /** Runs print progress lines from their own threads: a line is written whole. */
    private static void print(PrintStream out, String text) {
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    private static void println(PrintStream out, String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    private static String strip(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("/dr") ? trimmed.substring(3).strip() : trimmed;
    }
}
