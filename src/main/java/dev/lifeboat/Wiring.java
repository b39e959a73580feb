package dev.lifeboat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import dev.lifeboat.app.AppModule;
import dev.lifeboat.app.AppTargets;
import dev.lifeboat.audit.AuditModule;
import dev.lifeboat.backups.BackupsModule;
import dev.lifeboat.command.CommandsModule;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.console.ConsoleModule;
import dev.lifeboat.demo.DemoGitHubModule;
import dev.lifeboat.demo.DemoHerokuModule;
import dev.lifeboat.demo.DemoModule;
import dev.lifeboat.demo.DemoNetlifyModule;
import dev.lifeboat.demo.DemoPgBackupsModule;
import dev.lifeboat.demo.DemoS3Module;
import dev.lifeboat.demo.DemoStatuspageModule;
import dev.lifeboat.github.GitHubModule;
import dev.lifeboat.heroku.HerokuModule;
import dev.lifeboat.incident.IncidentModule;
import dev.lifeboat.incident.Incidents;
import dev.lifeboat.monitor.IncidentOpener;
import dev.lifeboat.leader.LeaderModule;
import dev.lifeboat.monitor.MonitorModule;
import dev.lifeboat.netlify.NetlifyModule;
import dev.lifeboat.offsite.OffsiteModule;
import dev.lifeboat.offsite.OffsiteTargets;
import dev.lifeboat.pgbackups.PgBackupsModule;
import dev.lifeboat.s3.S3Module;
import dev.lifeboat.statuspage.StatuspageModule;
import dev.lifeboat.demo.DemoWorld;
import dev.lifeboat.platformstatus.PlatformStatusModule;
import dev.lifeboat.probe.ProbeModule;
import dev.lifeboat.redeploy.RedeployModule;
import dev.lifeboat.restore.RestoreModule;
import dev.lifeboat.restore.RestoreTargets;
import dev.lifeboat.runbook.RunbookModule;
import dev.lifeboat.runs.RunsModule;
import dev.lifeboat.site.SiteModule;
import dev.lifeboat.schedule.ScheduleModule;
import dev.lifeboat.slack.SlackModule;
import dev.lifeboat.status.StatusModule;
import dev.lifeboat.status.Placement;
import dev.lifeboat.status.StatusTargets;
import dev.lifeboat.store.StoreModule;
import java.io.PrintStream;
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

    /** Which world the systems come from. */
    public enum World {
        /** Every system real; unconfigured ones answer "not configured (set X)". */
        REAL,
        /** Configured systems real, the rest simulated (the console). */
        MIXED,
        /** Every system simulated, whatever is configured. */
        DEMO
    }

    private Wiring() {
    }

    /** Serving Slack (HTTP or Socket Mode). */
    public static Plan serve(LifeboatConfig config, World world) {
        Plan plan = systems(config, world);
        plan.modules().add(new SlackModule());
        return plan;
    }

    /** The terminal console, printing to {@code out} (answers and runs' progress). */
    public static Plan console(LifeboatConfig config, World world, PrintStream out) {
        Plan plan = systems(config, world);
        plan.modules().add(new ConsoleModule(out));
        return plan;
    }

    private static Plan systems(LifeboatConfig config, World world) {
        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule(config));
        modules.add(new StoreModule());
        modules.add(new RunbookModule());
        modules.add(new LeaderModule());
        modules.add(new CommandsModule());
        modules.addAll(features());
        modules.add(new SystemsModule());
        List<String> simulated = new ArrayList<>();
        choose(modules, simulated, world, config.heroku().configured(), "Heroku", new HerokuModule(), new DemoHerokuModule());
        choose(modules, simulated, world, config.heroku().configured(), "Heroku Postgres backups", new PgBackupsModule(),
                new DemoPgBackupsModule());
        choose(modules, simulated, world, config.netlify().configured(), "Netlify", new NetlifyModule(), new DemoNetlifyModule());
        choose(modules, simulated, world, config.statuspage().configured(), "Statuspage", new StatuspageModule(),
                new DemoStatuspageModule());
        // Offsite copies are copies of the Heroku backups: simulated copies next to a real Heroku would only raise
        // false "no offsite copy" warnings, so an unconfigured S3 beside a real Heroku stays "not configured".
        World s3World = world == World.MIXED && config.heroku().configured() ? World.REAL : world;
        choose(modules, simulated, s3World, config.s3().configured(), "S3", new S3Module(), new DemoS3Module());
        // The same for GitHub: a real Heroku is never redeployed from a simulated repository.
        World gitHubWorld = world == World.MIXED && config.heroku().configured() ? World.REAL : world;
        choose(modules, simulated, gitHubWorld, config.github().configured(), "GitHub", new GitHubModule(),
                new DemoGitHubModule());
        if (world == World.REAL) {
            modules.add(new PlatformStatusModule.Heroku());
            modules.add(new PlatformStatusModule.Netlify());
            modules.add(new ProbeModule());
            Optional<String> app = config.heroku().configured() ? config.heroku().app() : Optional.empty();
            modules.add(placement(new Placement(config.runtime().dyno(), config.runtime().hostNote(), false)));
            modules.add(targets(new StatusTargets(app, config.heroku().healthUrl(), config.netlify().siteUrl(),
                    backupPrefix(config, app.orElse("")))));
            Optional<String> staging = config.heroku().configured() ? config.heroku().stagingApp() : Optional.empty();
            modules.add(restoreTargets(new RestoreTargets(app, staging, config.heroku().healthUrl(),
                    backupPrefix(config, app.orElse("")))));
            modules.add(offsiteTargets(new OffsiteTargets(app, backupPrefix(config, app.orElse("")),
                    config.s3().retentionDays())));
            modules.add(appTargets(new AppTargets(app, config.heroku().healthUrl())));
            return new Plan(modules, List.of());
        }
        boolean realHeroku = world == World.MIXED && config.heroku().configured();
        boolean realNetlify = world == World.MIXED && config.netlify().configured();
        modules.add(realHeroku ? new PlatformStatusModule.Heroku() : new DemoModule.HerokuStatus());
        modules.add(realNetlify ? new PlatformStatusModule.Netlify() : new DemoModule.NetlifyStatus());
        modules.add(new DemoModule());
        boolean demoApp = world == World.DEMO || !realHeroku && config.heroku().appUrl().isEmpty();
        boolean demoSite = world == World.DEMO || !realNetlify && config.netlify().siteUrl().isEmpty();
        Optional<URI> app = demoApp ? Optional.of(DemoWorld.APP_URL.resolve(DemoWorld.APP_HEALTH_PATH)) : config.heroku().healthUrl();
        Optional<URI> site = demoSite ? Optional.of(DemoWorld.SITE_URL) : config.netlify().siteUrl();
        String appName = config.heroku().app().orElse(DemoWorld.APP_NAME);
        modules.add(targets(new StatusTargets(Optional.of(appName), app, site, backupPrefix(config, appName))));
        // Beside a simulated Heroku app, the line about sharing its platform is shown as the demo of it.
        modules.add(placement(new Placement(config.runtime().dyno(), config.runtime().hostNote(),
                !realHeroku && config.runtime().dyno().isEmpty())));
        Optional<String> staging = realHeroku ? config.heroku().stagingApp()
                : Optional.of(config.heroku().stagingApp().orElse(DemoWorld.STAGING_APP_NAME));
        modules.add(restoreTargets(new RestoreTargets(Optional.of(appName), staging, app,
                backupPrefix(config, appName))));
        modules.add(offsiteTargets(new OffsiteTargets(Optional.of(appName), backupPrefix(config, appName),
                config.s3().retentionDays())));
        modules.add(appTargets(new AppTargets(Optional.of(appName), app)));
        return new Plan(modules, simulated);
    }

    /** The feature modules, each registering its own commands: a new feature adds its module here. */
    private static List<Module> features() {
        return List.of(new StatusModule(), new BackupsModule(), new AuditModule(), new RunsModule(),
                new RestoreModule(), new SiteModule(), new IncidentModule(), new OffsiteModule(), new AppModule(),
                new RedeployModule(), new ScheduleModule(), new MonitorModule(), new AutoIncidentModule());
    }

    /**
     * Real when the world may use real systems and this one is configured; otherwise simulated, except when
     * serving for real, where an unconfigured system stays unbound and reads as "not configured".
     */
    private static void choose(List<Module> modules, List<String> simulated, World world, boolean configured,
                               String name, Module realModule, Module demoModule) {
        if (world != World.DEMO && configured) {
            modules.add(realModule);
        } else if (world != World.REAL) {
            modules.add(demoModule);
            simulated.add(name);
        }
    }

    /** Offsite copies of an app's backups live under {@code LIFEBOAT_BACKUP_PREFIX}{@code APP/}. */
    public static String backupPrefix(LifeboatConfig config, String app) {
        return config.s3().prefix() + app + "/";
    }

    private static Module restoreTargets(RestoreTargets targets) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(RestoreTargets.class).toInstance(targets);
            }
        };
    }

    private static Module placement(Placement placement) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), Placement.class).setBinding().toInstance(placement);
            }
        };
    }

    private static Module offsiteTargets(OffsiteTargets targets) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(OffsiteTargets.class).toInstance(targets);
            }
        };
    }

    private static Module appTargets(AppTargets targets) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(AppTargets.class).toInstance(targets);
            }
        };
    }

    private static Module targets(StatusTargets targets) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(StatusTargets.class).toInstance(targets);
            }
        };
    }

    /** {@code LIFEBOAT_AUTO_INCIDENT}: the monitor's port for opening an incident, answered by the incident feature. */
    static final class AutoIncidentModule extends AbstractModule {
        @Override
        protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), IncidentOpener.class).setBinding().to(AutoIncident.class);
        }
    }

    /** Opens the incident at once (no preview: nobody is there to press Post), as the monitor. */
    static final class AutoIncident implements IncidentOpener {
        private final Incidents incidents;

        @jakarta.inject.Inject
        AutoIncident(Incidents incidents) {
            this.incidents = incidents;
        }

        @Override
        public String open(String summary, String by) {
            return incidents.openNow(summary, new dev.lifeboat.command.Actor("lifeboat:monitor", by));
        }
    }
}
