package dev.lifeboat.console;

import dev.lifeboat.incident.IncidentChannel;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In the terminal the incident channel is the terminal itself: the incident's message is printed when it is posted,
 * and again, whole, when it changes.
 */
@Singleton
final class ConsoleIncidentChannel implements IncidentChannel {
    private final PrintStream out;
    private final AtomicLong sequence = new AtomicLong();

    @Inject
    ConsoleIncidentChannel(@Named("console") PrintStream out) {
        this.out = out;
    }

    @Override
    public Optional<String> where() {
        return Optional.of("this terminal (the incident channel when serving Slack)");
    }

    @Override
    public Posted post(Reply message) {
        print("incident channel", message);
        return new Posted("console", Long.toString(sequence.incrementAndGet()));
    }

    @Override
    public void update(Posted message, Reply replacement) {
        print("incident channel, message updated", replacement);
    }

    private void print(String label, Reply message) {
        synchronized (out) {
            out.println("── " + label + " ──");
            out.println(TextRenderer.render(message));
            out.println("──");
            out.flush();
        }
    }
}
