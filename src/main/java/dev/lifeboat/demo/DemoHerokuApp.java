package dev.lifeboat.demo;

import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.NamedRef;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.ReleaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The state of one app {@link DemoHeroku} simulates: releases, dynos, crashes, config vars and its log buffer. */
final class DemoHerokuApp {
    private static final int LOG_BUFFER = 500;

    final String name;
    final String id;
    final Instant createdAt;
    Instant updatedAt;
    boolean maintenance;
    final List<Release> releases = new ArrayList<>();
    final List<SimDyno> dynos = new ArrayList<>();
    final Set<String> crashed = new HashSet<>();
    final Map<String, String> configVars = new TreeMap<>();
    final Deque<String> logs = new ArrayDeque<>();
    /** Releases whose release phase is still running: when it ends, and what it prints if it fails. */
    final Map<String, Phase> phases = new TreeMap<>();
    /** What each release's release phase printed, by release id. */
    final Map<String, List<String>> outputs = new TreeMap<>();

    DemoHerokuApp(String name, Instant now) {
        this.name = name;
        this.id = DemoIds.appId(name);
        this.createdAt = now.minus(Duration.ofDays(400));
        this.updatedAt = now.minus(Duration.ofHours(3));
        String[][] history = {
                {"Initial release", "alice@lifeboat.demo", "P400D"},
                {"Add heroku-postgresql:standard-0 plan", "alice@lifeboat.demo", "P399D"},
                {"Deploy 1f3c2a9", "bob@lifeboat.demo", "P40D"},
                {"Set SENTRY_DSN config vars", "alice@lifeboat.demo", "P30D"},
                {"Deploy 7d0e4b1", "bob@lifeboat.demo", "P12D"},
                {"Deploy 9a2f6c3", "carol@lifeboat.demo", "P5D"},
                {"Update WEB_CONCURRENCY config vars", "alice@lifeboat.demo", "P2D"},
                {"Deploy e57f0b3", "bob@lifeboat.demo", "PT3H"},
        };
        for (String[] release : history) {
            addRelease(release[0], release[1], now.minus(Duration.parse(release[2])));
        }
        Instant started = now.minus(Duration.ofHours(3));
        dynos.add(new SimDyno("web.1", "Standard-1X", "bundle exec puma -C config/puma.rb", started));
        dynos.add(new SimDyno("web.2", "Standard-1X", "bundle exec puma -C config/puma.rb", started));
        dynos.add(new SimDyno("worker.1", "Standard-1X", "bundle exec sidekiq -C config/sidekiq.yml", started));
        configVars.put("DATABASE_URL", "postgres://demo:demo-password@db.lifeboat-demo.invalid:5432/demo");
        configVars.put("RAILS_ENV", "production");
        configVars.put("RAILS_MASTER_KEY", "0123456789abcdef0123456789abcdef");
        configVars.put("REDIS_URL", "rediss://:demo-redis@redis.lifeboat-demo.invalid:6380");
        configVars.put("SENTRY_DSN", "https://demo@sentry.lifeboat-demo.invalid/1");
        configVars.put("WEB_CONCURRENCY", "3");
        for (int i = 0; i < 12; i++) {
            Instant at = now.minusSeconds(60L * (12 - i));
            String dyno = i % 3 == 2 ? "web.2" : "web.1";
            log(at, "heroku[router]: at=info method=GET path=\"/\" host=" + name + ".herokuapp.com dyno=" + dyno
                    + " connect=0ms service=" + (18 + i) + "ms status=200 bytes=5120 protocol=https");
        }
        // Lines that carry secrets, as real apps log them by mistake: `logs` hides them.
        Instant boot = now.minusSeconds(30);
        log(boot, "app[worker.1]: Sidekiq connecting to " + configVars.get("REDIS_URL"));
        log(boot, "app[web.1]: Sentry reporting to " + configVars.get("SENTRY_DSN"));
        log(boot, "app[web.1]: Started GET \"/admin\" with Authorization: Bearer demo-bearer-token-5f1e9a7c");
    }

    Release addRelease(String description, String user, Instant at) {
        int version = releases.size() + 1;
        boolean eligible = version > 1;
        Release release = new Release(DemoIds.uuid("release:" + name + ":" + version), version,
                ReleaseStatus.SUCCEEDED, description, new Release.User(DemoIds.uuid("user:" + user), user),
                true, eligible, at, at, List.of("heroku-postgresql:standard-0"), null);
        releases.replaceAll(r -> r.current() ? new Release(r.id(), r.version(), r.status(), r.description(),
                r.user(), false, r.eligibleForRollback(), r.createdAt(), r.updatedAt(), r.addonPlanNames(),
                r.outputStreamUrl()) : r);
        releases.add(release);
        log(at, "app[api]: Release " + release.label() + " created by user " + user);
        return release;
    }

    /**
     * A release whose release phase runs until {@code doneAt} and then fails, printing {@code output}: it never
     * becomes current, so the release before it keeps running (as on Heroku).
     */
    Release addFailingRelease(String description, String user, Instant at, Instant doneAt, List<String> output) {
        int version = releases.size() + 1;
        String id = DemoIds.uuid("release:" + name + ":" + version);
        Release release = new Release(id, version, ReleaseStatus.PENDING, description,
                new Release.User(DemoIds.uuid("user:" + user), user), false, false, at, at,
                List.of("heroku-postgresql:standard-0"), "https://release-output.lifeboat-demo.invalid/streams/" + id
                + "?token=demo-stream-token");
        releases.add(release);
        phases.put(id, new Phase(doneAt, List.copyOf(output)));
        log(at, "app[api]: Release " + release.label() + " created by user " + user);
        log(at, "app[api]: Running release command for " + release.label());
        return release;
    }

    /** Ends every release phase whose time has come. */
    void settle(Instant now) {
        for (var it = phases.entrySet().iterator(); it.hasNext(); ) {
            var phase = it.next();
            if (now.isBefore(phase.getValue().doneAt())) {
                continue;
            }
            it.remove();
            releases.replaceAll(r -> r.id().equals(phase.getKey()) ? new Release(r.id(), r.version(),
                    ReleaseStatus.FAILED, r.description(), r.user(), false, false, r.createdAt(),
                    phase.getValue().doneAt(), r.addonPlanNames(), r.outputStreamUrl()) : r);
            outputs.put(phase.getKey(), phase.getValue().output());
            Release failed = releases.stream().filter(r -> r.id().equals(phase.getKey())).findFirst().orElseThrow();
            for (String line : phase.getValue().output()) {
                log(phase.getValue().doneAt(), "app[release.4711]: " + line);
            }
            log(phase.getValue().doneAt(), "heroku[release.4711]: Process exited with status 1");
            log(phase.getValue().doneAt(), "app[api]: Release " + failed.label() + " failed: release command failed");
        }
    }

    /** The release marked current. */
    Release current() {
        return releases.stream().filter(Release::current).reduce((a, b) -> b)
                .orElse(releases.get(releases.size() - 1));
    }

    void restart(String type, Instant now, String why) {
        for (SimDyno dyno : dynos) {
            if (type == null || dyno.type.equals(type)) {
                restartOne(dyno, now, why);
            }
        }
    }

    void restartOne(SimDyno dyno, Instant now, String why) {
        String before = state(dyno, now).wire();
        dyno.startingUntil = now.plus(DemoHeroku.RESTART_TIME);
        dyno.updatedAt = now;
        dyno.createdAt = now;
        log(now, "heroku[" + dyno.name + "]: " + (why.equals("restart") ? "Restarting" : "Restarting (" + why + ")"));
        log(now, "heroku[" + dyno.name + "]: State changed from " + before + " to starting");
        log(now, "heroku[" + dyno.name + "]: Starting process with command `" + dyno.command + "`");
    }

    DynoState state(SimDyno dyno, Instant now) {
        if (now.isBefore(dyno.startingUntil)) {
            return DynoState.STARTING;
        }
        return crashed.contains(dyno.type) ? DynoState.CRASHED : DynoState.UP;
    }

    Dyno toDyno(SimDyno dyno, Instant now) {
        Release current = current();
        Instant updated = now.isBefore(dyno.startingUntil) ? dyno.updatedAt : max(dyno.updatedAt, dyno.startingUntil);
        return new Dyno(DemoIds.uuid("dyno:" + name + ":" + dyno.name), dyno.name, dyno.type, state(dyno, now),
                dyno.size, dyno.command, new Dyno.ReleaseRef(current.id(), current.version()), dyno.createdAt,
                updated);
    }

    HerokuApp toApp() {
        Release current = current();
        return new HerokuApp(id, name, maintenance, "https://" + name + ".herokuapp.com/",
                "https://git.heroku.com/" + name + ".git", new NamedRef(DemoIds.uuid("region:eu"), "eu"),
                new NamedRef(DemoIds.uuid("stack:heroku-24"), "heroku-24"), null,
                new HerokuApp.Owner(DemoIds.uuid("user:alice@lifeboat.demo"), "alice@lifeboat.demo"),
                "Ruby/Rails", 87_031_808L, createdAt, updatedAt, current.createdAt());
    }

    PostgresAddon addon() {
        return new PostgresAddon(DemoIds.addonId(name), DemoIds.addonName(name), "heroku-postgresql:standard-0", name);
    }

    void log(Instant at, String line) {
        logs.addLast(at + " " + line);
        while (logs.size() > LOG_BUFFER) {
            logs.removeFirst();
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A release phase running until {@code doneAt}, then failing with {@code output}. */
    record Phase(Instant doneAt, List<String> output) {
    }

    static final class SimDyno {
        final String name;
        final String type;
        final String size;
        final String command;
        Instant startingUntil = Instant.MIN;
        Instant updatedAt;
        Instant createdAt;

        SimDyno(String name, String size, String command, Instant createdAt) {
            this.name = name;
            this.type = name.substring(0, name.indexOf('.'));
            this.size = size;
            this.command = command;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }
}
