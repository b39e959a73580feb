package dev.lifeboat.console;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.lifeboat.access.GroupDirectory;
import dev.lifeboat.incident.IncidentChannel;
import dev.lifeboat.runbook.RunListener;
import java.io.PrintStream;

/**
 * The terminal adapter: no Slack user groups, runs printed live to the terminal ({@link ConsoleProgress}), and the
 * monitor's announcements there too ({@link ConsoleAnnouncer}).
 */
public final class ConsoleModule extends AbstractModule {
    private final PrintStream out;

    public ConsoleModule(PrintStream out) {
        this.out = out;
    }

    @Override
    protected void configure() {
        bind(GroupDirectory.class).to(ConsoleGroupDirectory.class);
        bind(dev.lifeboat.reply.Announcer.class).to(ConsoleAnnouncer.class);
        bind(PrintStream.class).annotatedWith(Names.named("console")).toInstance(out);
        Multibinder.newSetBinder(binder(), RunListener.class).addBinding().to(ConsoleProgress.class);
        bind(IncidentChannel.class).to(ConsoleIncidentChannel.class);
    }
}
