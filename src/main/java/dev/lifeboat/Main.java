package dev.lifeboat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.config.ConfigException;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.EnvFile;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.config.Redact;
import dev.lifeboat.console.Console;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.slack.SlackCheck;
import dev.lifeboat.slack.SlackServer;
import dev.lifeboat.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lifeboat [MODE] [WORDS…]}: {@code serve} (Slack), {@code console}, {@code demo [WORDS…]}, {@code config};
 * with no mode, serve when Slack is configured, otherwise the demo console.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    static final String USAGE = """
            Usage: lifeboat [MODE] [WORDS…]
              (no mode)        serve Slack when SLACK_BOT_TOKEN is set; otherwise the demo console
              serve [--demo]   Slack over HTTP on $PORT (/slack/events, /healthz), or Socket Mode when SLACK_APP_TOKEN is set;
                               with --demo, every system behind Slack is simulated
              console [WORDS…] the /dr commands in a terminal, against the configured systems (simulated where not configured)
              serve|console --env-file FILE
                               read KEY=VALUE lines first (e.g. `heroku config -s -a LIFEBOAT_APP > FILE; chmod 600 FILE`);
                               variables already set in the environment win
              demo [WORDS…]    the demo world: every system simulated; with WORDS, run that one command and exit
              config           print the configuration, secrets (and passwords inside URLs) hidden
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (com.google.inject.CreationException | com.google.inject.ProvisionException e) {
            // A resource could not be opened at start (the state store, say): say which, in one line.
            java.util.Collection<com.google.inject.spi.Message> messages = e instanceof com.google.inject.CreationException c
                    ? c.getErrorMessages() : ((com.google.inject.ProvisionException) e).getErrorMessages();
            Throwable cause = messages.stream().map(com.google.inject.spi.Message::getCause)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(e);
            while (cause.getCause() != null && !(cause instanceof IllegalStateException) && !(cause instanceof java.io.UncheckedIOException)) {
                cause = cause.getCause();
            }
            System.err.println("Lifeboat cannot start: " + Redact.text(String.valueOf(cause.getMessage()).lines()
                    .limit(4).reduce((a, b) -> a + " " + b).orElse("")));
            log.debug("event=start_failed", e);
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        long started = System.nanoTime();
        String mode = args.length == 0 ? "" : args[0];
        List<String> words = new ArrayList<>(args.length <= 1 ? List.of() : Arrays.asList(args).subList(1, args.length));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LifeboatConfig config;
        Env env;
        try {
            env = environment(mode, words);
            config = LifeboatConfig.load(env);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String user = env.get("USER").orElse("operator");
        switch (mode) {
            case "" -> {
                if (config.slack().configured()) {
                    serve(config, Wiring.World.REAL, started);
                } else {
                    console(config, Wiring.World.DEMO, words, user, out);
                }
            }
            case "serve" -> serve(config, words.contains("--demo") ? Wiring.World.DEMO : Wiring.World.REAL, started);
            case "console" -> console(config, Wiring.World.MIXED, words, user, out);
            case "demo" -> console(config, Wiring.World.DEMO, words, user, out);
            case "config" -> {
                for (Map.Entry<String, String> e : config.describe().entrySet()) {
                    out.println(e.getKey() + "=" + e.getValue());
                }
            }
            case "help", "-h", "--help" -> out.print(USAGE);
            default -> {
                System.err.println("Unknown mode '" + mode + "'.\n" + USAGE);
                System.exit(64);
            }
        }
    }

    /**
     * The process environment, under the variables of {@code --env-file FILE} when {@code serve} or {@code console}
     * is given one (the option is taken out of {@code words}); a variable set in both keeps the environment's value.
     */
    static Env environment(String mode, List<String> words) {
        Optional<Path> file = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--env-file") || word.startsWith("--env-file=")) {
                if (!mode.equals("serve") && !mode.equals("console")) {
                    throw new ConfigException(List.of("--env-file is for `serve` and `console`"));
                }
                String value = word.equals("--env-file") ? (i + 1 < words.size() ? words.get(i + 1) : "")
                        : word.substring("--env-file=".length());
                if (value.isBlank()) {
                    throw new ConfigException(List.of("--env-file needs a file: --env-file FILE"));
                }
                words.subList(i, word.equals("--env-file") ? i + 2 : i + 1).clear();
                file = Optional.of(Path.of(value));
                break;
            }
        }
        return file.map(f -> EnvFile.under(System.getenv(), f)).orElseGet(Env::system);
    }

    static void serve(LifeboatConfig config, Wiring.World world, long started) throws Exception {
        try {
            config.requireSlackServe();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Injector injector = Guice.createInjector(Stage.PRODUCTION, Wiring.serve(config, world).modules());
        SlackServer server = injector.getInstance(SlackServer.class);
        GracefulStop stop = injector.getInstance(GracefulStop.class);
        Runnable stopAll = () -> stop.stop(server);
        // A signal stops gracefully and exits 0; any other way out (exit 2 below, say) still stops through the hook.
        Runtime.getRuntime().addShutdownHook(new Thread(stopAll, "lifeboat-shutdown"));
        TerminationSignals.onTerminate(stopAll);
        injector.getInstance(Database.class);
        server.start("0.0.0.0", config.runtime().port());
        SlackCheck.Result outcome;
        try {
            // As long as it takes: meanwhile /healthz says why Lifeboat is not ready.
            outcome = server.connection().outcome().get();
        } catch (java.util.concurrent.CancellationException e) {
            return;  // Stopping before Slack was reached: the stop itself ends the process.
        }
        if (outcome instanceof SlackCheck.Refused refused) {
            System.err.println("Lifeboat cannot start: " + Redact.text(refused.reason()));
            System.exit(2);
            return;
        }
        log.info("event=ready world={} ms={}", world.name().toLowerCase(java.util.Locale.ROOT),
                (System.nanoTime() - started) / 1_000_000);
        // Runs a crash or a stop left RUNNING go on from their last persisted step, and say so in their thread.
        int resumed = injector.getInstance(RunEngine.class).resumeUnfinished().size();
        if (resumed > 0) {
            log.info("event=runs_resumed count={}", resumed);
        }
        CoreModule.keepRunLeases(injector);
        if (config.runtime().databaseUrl().isEmpty()) {
            log.info("event=single_instance reason=\"embedded H2 store: one Lifeboat process; set DATABASE_URL to run several\"");
        }
        CoreModule.lead(injector);
        server.join();
    }

    static void console(LifeboatConfig config, Wiring.World world, List<String> words, String user, PrintStream out)
            throws Exception {
        quietLogs();
        Wiring.Plan plan = Wiring.console(config, world, out);
        Injector injector = Guice.createInjector(Stage.PRODUCTION, plan.modules());
        try (Lifecycle lifecycle = injector.getInstance(Lifecycle.class)) {
            Console console = new Console(injector.getInstance(CommandRunner.class), user);
            if (!words.isEmpty()) {
                out.println(console.run(String.join(" ", words)));
                return;
            }
            out.println(banner(plan, world == Wiring.World.DEMO));
            for (dev.lifeboat.runbook.Run run : injector.getInstance(RunEngine.class).resumeUnfinished()) {
                out.println("Resuming run " + run.id() + " (" + run.title() + ") from its last step.");
            }
            CoreModule.keepRunLeases(injector);
            if (world == Wiring.World.DEMO) {
                monitorDemo(injector, config);
            }
            console.interactive(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        }
    }

    /**
     * The demo world's console runs the monitor too, so {@code demo break app} is announced in the terminal. It runs
     * alone, without the leader lease: the simulated world is this process's own, and a demo console must never take
     * the lease from a real Lifeboat sharing its store.
     */
    private static void monitorDemo(Injector injector, LifeboatConfig config) {
        dev.lifeboat.monitor.Monitor monitor = injector.getInstance(dev.lifeboat.monitor.Monitor.class);
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lifeboat-demo-monitor");
            thread.setDaemon(true);
            return thread;
        });
        injector.getInstance(Lifecycle.class).manage(timer::shutdownNow);
        long every = config.runtime().monitorIntervalSeconds();
        timer.scheduleWithFixedDelay(() -> {
            try {
                monitor.check();
            } catch (RuntimeException e) {
                log.warn("event=monitor_failed error=\"{}\"", e.getClass().getSimpleName());
            }
        }, every, every, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The terminal is for answers: only warnings and errors are logged there. */
    private static void quietLogs() {
        org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static String banner(Wiring.Plan plan, boolean demoOnly) {
        StringBuilder banner = new StringBuilder();
        if (demoOnly) {
            banner.append("""
                    Lifeboat — DEMO WORLD. Heroku, Heroku Postgres, S3, Netlify and the status pages are simulated:
                    nothing you do here touches a real system. Practise an outage with `demo break app`, then `status`.
                    To connect real systems, set HEROKU_API_KEY and HEROKU_APP, NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID
                    (see docs/setup.md) and run `./lifeboat console`; set SLACK_BOT_TOKEN to serve Slack.
                    """);
        } else {
            banner.append("Lifeboat console. ");
            if (!plan.simulated().isEmpty()) {
                banner.append("Simulated (not configured): ").append(String.join(", ", plan.simulated())).append(". ");
            }
            banner.append('\n');
        }
        banner.append("Type a command (`help` lists them), or `exit`.");
        return banner.toString();
    }
}
