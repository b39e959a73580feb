package dev.lifeboat.console;

import dev.lifeboat.monitor.Announcer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.PrintStream;

/** The monitor's announcements in the terminal, each line marked {@code [monitor]}, between the runs' lines. */
@Singleton
final class ConsoleAnnouncer implements Announcer {
    private final PrintStream out;

    @Inject
    ConsoleAnnouncer(@Named("console") PrintStream out) {
        this.out = out;
    }

    @Override
    public void announce(Reply announcement) {
        String text = TextRenderer.render(announcement).lines().map(line -> "[monitor] " + line)
                .reduce((a, b) -> a + "\n" + b).orElse("");
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
