package dev.lifeboat.console;

import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.PrintStream;

/** Announcements printed to the terminal, as plain text. */
final class ConsoleAnnouncer implements Announcer {
    private final PrintStream out;

    @Inject
    ConsoleAnnouncer(@Named("console") PrintStream out) {
        this.out = out;
    }

    @Override
    public Delivery announce(Reply message) {
        synchronized (out) {
            out.println(TextRenderer.render(message));
            out.flush();
        }
        return Delivery.to("the terminal");
    }
}
