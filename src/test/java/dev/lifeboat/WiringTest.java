package dev.lifeboat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.demo.DemoHeroku;
import dev.lifeboat.demo.DemoNetlify;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.statuspage.StatusPage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots the real modules for each world and checks which systems are real, simulated or absent. */
class WiringTest {
    static final java.io.PrintStream QUIET = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    @TempDir
    Path data;

    Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("LIFEBOAT_DATA_DIR", data.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    <T> Optional<T> optional(Injector injector, Class<T> type) {
        @SuppressWarnings("unchecked")
        Key<Optional<T>> key = (Key<Optional<T>>) Key.get(TypeLiteral.get(
                com.google.inject.util.Types.newParameterizedType(Optional.class, type)));
        return injector.getInstance(key);
    }

    @Test
    void theDemoWorldSimulatesEverySystemWhateverIsConfigured() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(env("HEROKU_API_KEY", "k", "HEROKU_APP", "acme")));

        Injector injector = Guice.createInjector(Wiring.console(config, Wiring.World.DEMO, QUIET).modules());

        assertInstanceOf(DemoHeroku.class, optional(injector, HerokuPlatform.class).orElseThrow());
        assertTrue(optional(injector, PgBackups.class).isPresent());
        assertInstanceOf(DemoNetlify.class, optional(injector, NetlifySite.class).orElseThrow());
        assertTrue(optional(injector, StatusPage.class).isPresent());
        assertTrue(injector.getInstance(CommandRegistry.class).find(java.util.List.of("demo")).isPresent());
    }

    @Test
    void servingForRealLeavesUnconfiguredSystemsAbsent() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(env("HEROKU_API_KEY", "k", "HEROKU_APP", "acme")));

        Injector injector = Guice.createInjector(Wiring.serve(config, Wiring.World.REAL).modules());

        HerokuPlatform heroku = optional(injector, HerokuPlatform.class).orElseThrow();
        assertFalse(heroku instanceof DemoHeroku, "a configured Heroku is the real client");
        assertTrue(optional(injector, PgBackups.class).isPresent());
        assertEquals(Optional.empty(), optional(injector, NetlifySite.class));
        assertEquals(Optional.empty(), optional(injector, StatusPage.class));
        assertFalse(injector.getInstance(CommandRegistry.class).find(java.util.List.of("demo")).isPresent(),
                "no demo controls outside the demo world");
    }

    @Test
    void besideARealHerokuAnUnconfiguredS3OrGitHubIsNotSimulated() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(env("HEROKU_API_KEY", "k", "HEROKU_APP", "acme")));

        Wiring.Plan plan = Wiring.console(config, Wiring.World.MIXED, QUIET);
        Injector injector = Guice.createInjector(plan.modules());

        assertEquals(Optional.empty(), optional(injector, dev.lifeboat.s3.OffsiteStore.class));
        assertEquals(Optional.empty(), optional(injector, dev.lifeboat.github.GitHubRepo.class),
                "a real app is never redeployed from a simulated repository");
        assertFalse(optional(injector, dev.lifeboat.heroku.HerokuBuilds.class).orElseThrow()
                instanceof dev.lifeboat.demo.DemoHerokuBuilds, "a configured Heroku builds for real");
        assertEquals(java.util.List.of("Netlify", "Statuspage"), plan.simulated());
    }

    @Test
    void aConfiguredGitHubIsTheRealClientInEveryWorldButTheDemo() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(env("HEROKU_API_KEY", "k", "HEROKU_APP", "acme",
                "LIFEBOAT_GITHUB_REPO", "acme/shop")));

        Injector real = Guice.createInjector(Wiring.serve(config, Wiring.World.REAL).modules());
        Injector demo = Guice.createInjector(Wiring.console(config, Wiring.World.DEMO, QUIET).modules());

        assertFalse(optional(real, dev.lifeboat.github.GitHubRepo.class).orElseThrow()
                instanceof dev.lifeboat.demo.DemoGitHub);
        assertInstanceOf(dev.lifeboat.demo.DemoGitHub.class,
                optional(demo, dev.lifeboat.github.GitHubRepo.class).orElseThrow());
        assertInstanceOf(dev.lifeboat.demo.DemoHerokuBuilds.class,
                optional(demo, dev.lifeboat.heroku.HerokuBuilds.class).orElseThrow());
    }

    @Test
    void theConsoleMixesConfiguredRealSystemsWithSimulatedOnes() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(env("NETLIFY_AUTH_TOKEN", "t", "NETLIFY_SITE_ID", "s")));

        Wiring.Plan plan = Wiring.console(config, Wiring.World.MIXED, QUIET);
        Injector injector = Guice.createInjector(plan.modules());

        assertInstanceOf(DemoHeroku.class, optional(injector, HerokuPlatform.class).orElseThrow());
        assertFalse(optional(injector, NetlifySite.class).orElseThrow() instanceof DemoNetlify);
        assertEquals(java.util.List.of("Heroku", "Heroku Postgres backups", "Statuspage", "S3", "GitHub"),
                plan.simulated());
    }

    @Test
    void everyWorldHasTheCommandsItsFeatureModulesRegister() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(env()));

        Injector injector = Guice.createInjector(Wiring.console(config, Wiring.World.DEMO, QUIET).modules());

        CommandRegistry registry = injector.getInstance(CommandRegistry.class);
        for (String name : java.util.List.of("help", "status", "backups", "history", "restore", "drill", "confirm",
                "approve", "cancel", "site restore", "site rebuild", "redeploy")) {
            assertTrue(registry.find(java.util.List.of(name.split(" "))).isPresent(), name + " is registered");
        }
    }

    @Test
    void theCommandPackageNamesNoFeature() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("src/main/java/dev/lifeboat/command"))) {
            for (Path file : files.toList()) {
                String source = java.nio.file.Files.readString(file);
                for (String feature : java.util.List.of("status", "backups", "restore", "runs", "site", "demo")) {
                    assertFalse(source.contains("import dev.lifeboat." + feature + "."),
                            file.getFileName() + " imports the " + feature + " feature");
                }
                assertFalse(source.contains("HistoryCommand"), file.getFileName() + " names the history command");
            }
        }
    }

    @Test
    void restoresGoToTheConfiguredAppsOrTheDemoWorldsOwn() {
        LifeboatConfig real = LifeboatConfig.load(Env.of(env("HEROKU_API_KEY", "k", "HEROKU_APP", "acme")));
        LifeboatConfig staged = LifeboatConfig.load(Env.of(env("HEROKU_API_KEY", "k", "HEROKU_APP", "acme",
                "HEROKU_STAGING_APP", "acme-staging")));

        dev.lifeboat.restore.RestoreTargets serving = Guice.createInjector(Wiring.serve(real, Wiring.World.REAL)
                .modules()).getInstance(dev.lifeboat.restore.RestoreTargets.class);
        dev.lifeboat.restore.RestoreTargets demo = Guice.createInjector(Wiring.console(real, Wiring.World.DEMO, QUIET)
                .modules()).getInstance(dev.lifeboat.restore.RestoreTargets.class);
        dev.lifeboat.restore.RestoreTargets mixed = Guice.createInjector(Wiring.console(staged, Wiring.World.MIXED, QUIET)
                .modules()).getInstance(dev.lifeboat.restore.RestoreTargets.class);

        assertEquals(Optional.of("acme"), serving.productionApp());
        assertEquals(Optional.empty(), serving.stagingApp(), "no staging app configured, none invented");
        assertEquals(Optional.of("acme"), demo.productionApp());
        assertEquals(Optional.of("lifeboat-demo-staging"), demo.stagingApp());
        assertEquals(Optional.of("acme-staging"), mixed.stagingApp());
        assertEquals("pg-backups/acme/", mixed.offsitePrefix());
    }

    @Test
    void runsAreShownInTheTerminalByTheConsoleAndInTheIncidentChannelWhenServingAndAuditedInBoth() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s")));
        TypeLiteral<java.util.Set<dev.lifeboat.runbook.RunListener>> listeners = new TypeLiteral<>() {
        };

        Injector console = Guice.createInjector(Wiring.console(config, Wiring.World.DEMO, QUIET).modules());
        Injector serve = Guice.createInjector(Wiring.serve(config, Wiring.World.REAL).modules());

        assertEquals(java.util.List.of("AuditRunListener", "ConsoleProgress", "IncidentRunLink", "ScheduledRunWatch"), console.getInstance(Key.get(listeners)).stream()
                .map(l -> l.getClass().getSimpleName()).sorted().toList());
        assertEquals(java.util.List.of("AuditRunListener", "IncidentRunLink", "ScheduledRunWatch", "SlackRunProgress"), serve.getInstance(Key.get(listeners)).stream()
                .map(l -> l.getClass().getSimpleName()).sorted().toList());
        // Announcements (scheduled jobs' warnings, the digest) go where the runs go.
        assertEquals("ConsoleAnnouncer", console.getInstance(dev.lifeboat.reply.Announcer.class).getClass().getSimpleName());
        assertEquals("SlackAnnouncer", serve.getInstance(dev.lifeboat.reply.Announcer.class).getClass().getSimpleName());
        serve.getInstance(Lifecycle.class).close();
        console.getInstance(Lifecycle.class).close();
    }
}
