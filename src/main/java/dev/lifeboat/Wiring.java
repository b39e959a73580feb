package dev.lifeboat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.lifeboat.access.GroupDirectory;
import dev.lifeboat.command.CommandsModule;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.console.ConsoleGroupDirectory;
import dev.lifeboat.demo.DemoModule;
import dev.lifeboat.demo.DemoWorld;
import dev.lifeboat.platformstatus.PlatformStatusModule;
import dev.lifeboat.probe.ProbeModule;
import dev.lifeboat.slack.SlackModule;
import dev.lifeboat.status.StatusTargets;
import dev.lifeboat.store.StoreModule;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses which modules make up a running Lifeboat. This is the one place that decides between a real system and
 * its simulation; the modules themselves never branch.
 */
public final class Wiring {
    /** Which systems are real and which are simulated, for the console banner. */
    public record Plan(List<Module> modules, List<String> simulated) {
    }

    private Wiring() {
    }

    /** Serving Slack: every system real; unconfigured ones show as "not configured". */
    public static Plan serve(LifeboatConfig config) {
        List<Module> modules = common(config);
        modules.add(new PlatformStatusModule.Heroku());
        modules.add(new PlatformStatusModule.Netlify());
        modules.add(new ProbeModule());
        modules.add(new SlackModule());
        modules.add(targets(new StatusTargets(config.heroku().healthUrl(), config.netlify().siteUrl())));
        return new Plan(modules, List.of());
    }

    /**
     * The console: configured systems are real, the rest simulated. With {@code demoOnly}, everything is simulated
     * whatever is configured.
     */
    public static Plan console(LifeboatConfig config, boolean demoOnly) {
        List<Module> modules = common(config);
        List<String> simulated = new ArrayList<>();
        boolean realHeroku = !demoOnly && config.heroku().configured();
        boolean realNetlify = !demoOnly && config.netlify().configured();
        modules.add(realHeroku ? new PlatformStatusModule.Heroku() : new DemoModule.HerokuStatus());
        modules.add(realNetlify ? new PlatformStatusModule.Netlify() : new DemoModule.NetlifyStatus());
        if (!realHeroku) {
            simulated.add("Heroku");
        }
        if (!realNetlify) {
            simulated.add("Netlify");
        }
        modules.add(new DemoModule());
        Optional<URI> app = demoOnly || config.heroku().appUrl().isEmpty() && !realHeroku
                ? Optional.of(demoHealthUrl()) : config.heroku().healthUrl();
        Optional<URI> site = demoOnly || config.netlify().siteUrl().isEmpty() && !realNetlify
                ? Optional.of(DemoWorld.SITE_URL) : config.netlify().siteUrl();
        modules.add(targets(new StatusTargets(app, site)));
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GroupDirectory.class).to(ConsoleGroupDirectory.class);
            }
        });
        return new Plan(modules, simulated);
    }

    private static List<Module> common(LifeboatConfig config) {
        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule(config));
        modules.add(new StoreModule());
        modules.add(new CommandsModule());
        return modules;
    }

    private static URI demoHealthUrl() {
        return DemoWorld.APP_URL.resolve(DemoWorld.APP_HEALTH_PATH);
    }

    private static Module targets(StatusTargets targets) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(StatusTargets.class).toInstance(targets);
            }
        };
    }
}
