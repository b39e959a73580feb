package dev.lifeboat.monitor;

import static dev.lifeboat.monitor.MonitorFacts.APP_URL;
import static dev.lifeboat.monitor.MonitorFacts.SITE_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.reply.Block;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusService;
import dev.lifeboat.status.StatusTargets;
import dev.lifeboat.status.StatusTimings;
import dev.lifeboat.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The monitor with a fake clock, a round's facts set by the test, an in-memory store and an announcer that records:
 * what the channel is told, and when.
 */
class MonitorTest {
    static final Duration EVERY = Duration.ofSeconds(60);

    final ManualClock clock = new ManualClock(MonitorFacts.NOW);
    MonitorFacts facts = new MonitorFacts();
    final AtomicInteger rounds = new AtomicInteger();
    final StatusService status = new StatusService(() -> {
        rounds.incrementAndGet();
        return facts.build();
    }, new StatusTimings(Duration.ofSeconds(4), Duration.ZERO), clock);
    final Map<String, MonitorRules.Saved> saved = new HashMap<>();
    final MonitorStates store = new MonitorStates() {
        @Override
        public Optional<MonitorRules.Saved> load(String key) {
            return Optional.ofNullable(saved.get(key));
        }

        @Override
        public void save(String key, MonitorRules.Saved state, Instant at) {
            saved.put(key, state);
        }
    };
    final List<Reply> channel = new ArrayList<>();
    final List<String> incidents = new ArrayList<>();
    final Set<String> commands = new HashSet<>(Set.of("logs", "restart", "rollback", "site restore", "incident open"));

    Monitor monitor(boolean autoIncident, IncidentOpener opener) {
        Set<CommandHandler> handlers = new HashSet<>();
        for (String name : commands) {
            handlers.add(answering(name));
        }
        CommandRegistry registry = new CommandRegistry(handlers);
        return new Monitor(status, () -> registry, store, record(channel), opener,
                new MonitorSettings(EVERY, 3, autoIncident, MonitorRules.FLAP_WINDOW),
                new StatusTargets(Optional.of(MonitorFacts.APP), Optional.of(URI.create(APP_URL)),
                        Optional.of(URI.create(SITE_URL)), "pg-backups/lifeboat-demo/"), clock);
    }

    Monitor monitor() {
        return monitor(false, new NoIncidentFeature());
    }

    /** One check, then a minute passes. */
    List<Reply> tick(Monitor monitor) {
        List<Reply> said = monitor.check();
        clock.advance(EVERY);
        return said;
    }

    void appAnswers(int status) {
        facts.appProbe = Fetched.of(MonitorFacts.probe(APP_URL, status));
    }

    static String text(Reply reply) {
        return TextRenderer.render(reply);
    }

    static List<String> buttons(Reply reply) {
        List<String> out = new ArrayList<>();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Actions actions) {
                actions.buttons().forEach(b -> out.add(b.label() + " → " + b.command()));
            }
        }
        return out;
    }

    @Test
    void theAppIsDownAfterThreeFailedChecksAndUpAfterOneSuccessEachSaidOnceWithTheDowntime() {
        Monitor monitor = monitor();
        appAnswers(503);

        assertEquals(List.of(), tick(monitor));
        assertEquals(List.of(), tick(monitor));
        List<Reply> down = tick(monitor);
        assertEquals(List.of(), tick(monitor), "still down: nothing more");

        assertEquals(1, down.size());
        Reply message = down.get(0);
        assertEquals(Reply.Visibility.CHANNEL, message.visibility());
        assertEquals(":rotating_light: The app (lifeboat-demo) is down", message.summary());
        String text = text(message);
        assertTrue(text.startsWith("🚨 The app (lifeboat-demo) is down since 2026-12-02 14:00 UTC: 3 checks in a row failed.\n"
                + "Last check: Health check " + APP_URL + " → 503 in 87 ms\n"
                + "Likely ours: the app does not answer while Heroku reports no Apps incident"), text);
        assertEquals(List.of("Show logs → logs", "Roll back → rollback", "Open incident → incident open an outage of our app"),
                buttons(message));
        assertTrue(text.endsWith("Lifeboat monitor · a check every 1 min, down after 3 failures in a row · /dr status for the whole picture"), text);

        appAnswers(200);
        List<Reply> up = tick(monitor);
        assertEquals(List.of(), tick(monitor));

        assertEquals(1, up.size());
        assertEquals(":white_check_mark: The app (lifeboat-demo) is back up after 4 min of downtime", up.get(0).summary());
        assertTrue(text(up.get(0)).startsWith("✅ The app (lifeboat-demo) is back up after 4 min of downtime (down since "
                + "2026-12-02 14:00 UTC).\nLast check: Health check " + APP_URL + " → 200 in 87 ms"), text(up.get(0)));
        assertEquals(List.of(), buttons(up.get(0)));
        assertEquals(6, rounds.get(), "one status round a check");
    }

    @Test
    void aRoundSharedWithinItsWindowIsNeverCountedTwice() {
        AtomicInteger taken = new AtomicInteger();
        StatusService shared = new StatusService(() -> {
            taken.incrementAndGet();
            return facts.build(clock.instant());
        }, new StatusTimings(Duration.ofSeconds(4), Duration.ofSeconds(10)), clock);
        Monitor monitor = new Monitor(shared, () -> new CommandRegistry(Set.of()), store, record(channel),
                new NoIncidentFeature(), new MonitorSettings(Duration.ofSeconds(10), 3, false, MonitorRules.FLAP_WINDOW),
                new StatusTargets(Optional.of(MonitorFacts.APP), Optional.of(URI.create(APP_URL)),
                        Optional.of(URI.create(SITE_URL)), ""), clock);
        appAnswers(503);

        monitor.check();
        clock.advance(Duration.ofSeconds(5));
        shared.facts();  // someone's /dr status: a round the next check may share
        clock.advance(Duration.ofSeconds(5));
        monitor.check();
        monitor.check();  // at once again: the shared round was counted, so a new one is taken
        clock.advance(Duration.ofSeconds(1));

        assertEquals(3, taken.get(), "the first check's round, the one shared with /dr status, and a new one");
        assertEquals(1, channel.size(), "three rounds, three failures: down");
    }

    @Test
    void checksThatCouldNotCompleteCountForNothing() {
        Monitor monitor = monitor();
        appAnswers(503);
        tick(monitor);
        tick(monitor);
        facts.appProbe = MonitorFacts.cancelled();
        facts.dynos = MonitorFacts.rateLimited("Heroku");
        assertEquals(List.of(), tick(monitor));
        assertEquals(List.of(), tick(monitor));
        appAnswers(503);

        assertEquals(1, tick(monitor).size(), "the third observed failure in a row, unknowns between them");

        facts.appProbe = MonitorFacts.cancelled();
        assertEquals(List.of(), tick(monitor), "an unknown check is not a success either");
    }

    @Test
    void anAppDownDuringAHerokuIncidentIsSaidToBeThePlatformsWithoutRestartOrRollback() {
        Monitor monitor = monitor();
        appAnswers(503);
        facts.herokuStatus = Fetched.of(MonitorFacts.herokuAppsIncident());
        facts.dynos = Fetched.of(facts.webCrashed());

        tick(monitor);
        tick(monitor);
        Reply message = tick(monitor).get(0);

        String text = text(message);
        assertTrue(text.contains("\nLikely the platform: the app does not answer and Heroku reports an incident "
                + "(Elevated H12 timeouts in the Common Runtime). Restarting or rolling back will not help; follow the incident."), text);
        assertFalse(text.contains("Likely ours"), text);
        assertEquals(List.of("Show logs → logs", "Restart web dynos → restart web",
                "Open incident → incident open a Heroku platform incident"),
                buttons(message), "crashed dynos may be restarted as status offers it; no rollback on the platform's trouble");
    }

    @Test
    void aWebsiteDownWhileNetlifyIsGreenIsOursAndOffersTheSiteRestore() {
        Monitor monitor = monitor();
        facts.siteProbe = Fetched.of(MonitorFacts.probe(SITE_URL, 502));

        tick(monitor);
        tick(monitor);
        List<Reply> said = tick(monitor);

        assertEquals(1, said.size(), "only the website");
        assertEquals(":rotating_light: The website is down", said.get(0).summary());
        assertTrue(text(said.get(0)).contains("\nLikely ours: the website does not answer while Netlify is green."), text(said.get(0)));
        assertEquals(List.of("Restore the site → site restore", "Open incident → incident open an outage of our website"),
                buttons(said.get(0)));
    }

    @Test
    void aWebsiteDownDuringANetlifyIncidentIsThePlatforms() {
        Monitor monitor = monitor();
        facts.siteProbe = Fetched.of(MonitorFacts.probe(SITE_URL, 502));
        facts.netlifyStatus = Fetched.of(MonitorFacts.netlifyIncident());

        tick(monitor);
        tick(monitor);
        Reply message = tick(monitor).get(0);

        assertTrue(text(message).contains("\nLikely the platform: the website does not answer and Netlify reports: CDN errors in Europe."),
                text(message));
        assertEquals(List.of("Open incident → incident open a Netlify platform incident"), buttons(message));
    }

    @Test
    void onlyRegisteredCommandsBecomeButtons() {
        commands.clear();
        Monitor monitor = monitor();
        appAnswers(503);

        tick(monitor);
        tick(monitor);
        Reply message = tick(monitor).get(0);

        assertEquals(List.of(), buttons(message));
    }

    @Test
    void aFlappingAppGetsAtMostOneDownAndOneUpMessageInTenMinutesThenTheFlapsAreCounted() {
        Monitor monitor = monitor();
        List<String> said = new ArrayList<>();
        // Three failures, one success, sixteen times over: a flap every four minutes, for an hour.
        for (int cycle = 0; cycle < 16; cycle++) {
            appAnswers(503);
            for (int i = 0; i < 3; i++) {
                tick(monitor).forEach(r -> said.add(r.summary()));
            }
            appAnswers(200);
            tick(monitor).forEach(r -> said.add(r.summary()));
        }

        long downs = said.stream().filter(s -> s.endsWith("is down")).count();
        long ups = said.stream().filter(s -> s.contains("is back up")).count();
        assertTrue(downs <= 64 / 10 + 1 && ups <= 64 / 10 + 1, said.toString());
        assertEquals(12, channel.size(), "a down and an up message every 12 minutes or so, over 64 minutes: " + said);
        String third = text(channel.get(2));
        assertTrue(third.contains("Flapping: it went down and came back 2 times since the last message without a message "
                + "each time (at most one down and one up message per 10 min)."), third);
    }

    @Test
    void aNewLeaderOrARestartDoesNotRepeatTheDownMessageAndGivesTheWholeDowntime() {
        appAnswers(503);
        Monitor first = monitor();
        tick(first);
        tick(first);
        assertEquals(1, tick(first).size());
        clock.advance(Duration.ofMinutes(5));

        Monitor next = monitor();
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(), tick(next), "still down, already said");
        }
        appAnswers(200);
        List<Reply> up = tick(next);

        assertEquals(1, up.size());
        assertEquals(":white_check_mark: The app (lifeboat-demo) is back up after 13 min of downtime", up.get(0).summary());
        assertEquals(2, channel.size());
    }

    @Test
    void anAnnouncementMadeByAnotherLeaderIsNotRepeatedByThisOne() {
        appAnswers(503);
        Monitor web1 = monitor();
        Monitor web2 = monitor();
        tick(web2);
        tick(web2);  // web.2 counted two failures, then lost the lease
        tick(web1);
        tick(web1);
        assertEquals(1, tick(web1).size(), "web.1 leads now and says it");

        assertEquals(List.of(), tick(web2), "web.2 leads again: the store says it was said");
        assertEquals(1, channel.size());
    }

    @Test
    void withAutoIncidentADownAppOpensOneIncidentAndSaysSo() {
        Monitor monitor = monitor(true, (summary, by) -> {
            incidents.add(summary + " | " + by);
            return ":rotating_light: Incident opened: " + summary + ".";
        });
        appAnswers(503);
        facts.siteProbe = Fetched.of(MonitorFacts.probe(SITE_URL, 502));

        tick(monitor);
        tick(monitor);
        List<Reply> said = tick(monitor);
        tick(monitor);

        assertEquals(List.of("an outage of our app | Lifeboat monitor"), incidents, "the app only, once");
        Reply app = said.stream().filter(r -> r.summary().contains("The app")).findFirst().orElseThrow();
        assertTrue(text(app).contains("🚨 Incident opened: an outage of our app."), text(app));
        assertEquals(List.of("Show logs → logs", "Roll back → rollback"), buttons(app), "opened already: no button for it");
    }

    @Test
    void withAutoIncidentButNoIncidentFeatureTheAnnouncementSaysNoneWasOpened() {
        Monitor monitor = monitor(true, new NoIncidentFeature());
        commands.remove("incident open");
        appAnswers(503);

        tick(monitor);
        tick(monitor);
        Reply message = tick(monitor).get(0);

        assertTrue(text(message).contains("LIFEBOAT_AUTO_INCIDENT is on, but this Lifeboat has no incident feature to open"
                + " one with: no incident was opened."), text(message));
    }

    @Test
    void anIncidentThatCouldNotBeOpenedIsSaidAndTheButtonOffered() {
        Monitor monitor = monitor(true, (summary, by) -> {
            throw new IllegalStateException("Statuspage answered 503");
        });
        appAnswers(503);

        tick(monitor);
        tick(monitor);
        Reply message = tick(monitor).get(0);

        assertTrue(text(message).contains("Could not open an incident by itself: Statuspage answered 503. Open it by hand."),
                text(message));
        assertTrue(buttons(message).contains("Open incident → incident open an outage of our app"), buttons(message).toString());
    }

    @Test
    void aStoreThatFailsDoesNotSilenceTheMonitor() {
        Monitor monitor = new Monitor(status, () -> new CommandRegistry(Set.of()), new MonitorStates() {
            @Override
            public Optional<MonitorRules.Saved> load(String key) {
                throw new IllegalStateException("the state store could not read (SQLState 08006)");
            }

            @Override
            public void save(String key, MonitorRules.Saved state, Instant at) {
                throw new IllegalStateException("the state store could not save (SQLState 08006)");
            }
        }, record(channel), new NoIncidentFeature(), new MonitorSettings(EVERY, 3, false, MonitorRules.FLAP_WINDOW),
                new StatusTargets(Optional.of(MonitorFacts.APP), Optional.of(URI.create(APP_URL)),
                        Optional.of(URI.create(SITE_URL)), ""), clock);
        appAnswers(503);

        tick(monitor);
        tick(monitor);
        tick(monitor);
        tick(monitor);
        appAnswers(200);
        tick(monitor);

        assertEquals(2, channel.size(), "down and up, from memory");
    }

    private static CommandHandler answering(String name) {
        CommandSpec spec = name.equals("incident open") || name.equals("site restore") || name.equals("restart")
                || name.equals("rollback") ? CommandSpec.changes(name, "", "test double") : CommandSpec.reads(name, "", "test double");
        return new CommandHandler() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public Reply handle(Invocation invocation) {
                return Reply.text("ran " + name);
            }
        };
    }

    /** An announcer that keeps what it is given, as delivered. */
    static dev.lifeboat.reply.Announcer record(List<Reply> into) {
        return message -> {
            into.add(message);
            return dev.lifeboat.reply.Announcer.Delivery.to("test");
        };
    }
}
