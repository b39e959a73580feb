package dev.lifeboat.status;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatusSource;
import dev.lifeboat.probe.Probe;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code status}: the platforms' status pages and probes of the app and site, checked in parallel, each with its
 * own deadline, so one hanging upstream shows as "no answer within N s" and never delays the rest.
 */
public final class StatusCommand implements CommandHandler {
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(4);
    static final Duration PLATFORM_TIMEOUT = Duration.ofSeconds(4);
    private static final Logger log = LoggerFactory.getLogger(StatusCommand.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int MAX_INCIDENTS_SHOWN = 5;
    private static final CommandSpec SPEC = CommandSpec.reads("status", "",
            "one-glance health of the app, the site and the Heroku and Netlify platforms");

    private final Set<PlatformStatusSource> platforms;
    private final Probe probe;
    private final StatusTargets targets;
    private final ExecutorService executor;
    private final Clock clock;

    @Inject
    public StatusCommand(Set<PlatformStatusSource> platforms, Probe probe, StatusTargets targets,
                         @Named("checks") ExecutorService executor, Clock clock) {
        this.platforms = platforms;
        this.probe = probe;
        this.targets = targets;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        if (!invocation.args().isEmpty()) {
            throw new UsageException("`status` takes no arguments.");
        }
        List<CompletableFuture<Check>> running = new ArrayList<>();
        running.add(start("App", PROBE_TIMEOUT, () -> probeCheck("App", targets.appHealthUrl(), "APP_URL")));
        running.add(start("Website", PROBE_TIMEOUT, () -> probeCheck("Website", targets.siteUrl(), "SITE_URL")));
        platforms.stream()
                .sorted(java.util.Comparator.comparing(PlatformStatusSource::platform))
                .forEach(source -> running.add(start(source.platform() + " platform", PLATFORM_TIMEOUT,
                        () -> platformCheck(source))));
        List<Check> checks = running.stream().map(CompletableFuture::join).toList();
        return render(checks);
    }

    private CompletableFuture<Check> start(String name, Duration deadline, Supplier<Check> check) {
        return CompletableFuture.supplyAsync(check, executor)
                .completeOnTimeout(Check.of(name, Health.UNKNOWN, "no answer within " + deadline.toSeconds() + " s"),
                        deadline.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> failed(name, e));
    }

    private static Check failed(String name, Throwable e) {
        Throwable cause = e.getCause() != null && !(e instanceof UpstreamException) ? e.getCause() : e;
        if (cause instanceof UpstreamException upstream) {
            // A rate limit or an unreadable upstream says nothing about whether the thing is down.
            String why = upstream.failure() == Failure.RATE_LIMITED ? "rate limited: " : "";
            return Check.of(name, Health.UNKNOWN, why + upstream.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return Check.of(name, Health.UNKNOWN, "no answer in time");
        }
        log.warn("event=status_check_failed check=\"{}\" error={}", name, cause.toString());
        return Check.of(name, Health.UNKNOWN, "check failed: " + cause.getClass().getSimpleName());
    }

    private Check probeCheck(String name, Optional<URI> url, String variable) {
        if (url.isEmpty()) {
            return Check.of(name, Health.NOT_CONFIGURED, "not configured (set " + variable + ")");
        }
        ProbeResult result = probe.probe(url.get(), PROBE_TIMEOUT.minusMillis(250));
        Health health;
        if (result.up()) {
            health = result.latency().compareTo(Duration.ofSeconds(2)) > 0 ? Health.WARNING : Health.OK;
        } else {
            health = Health.DOWN;
        }
        String shown = dev.lifeboat.config.Redact.url(url.get().toString());
        return Check.of(name, health, "<" + shown + "|" + shown + "> → " + result.describe());
    }

    private Check platformCheck(PlatformStatusSource source) {
        PlatformStatus status = source.current();
        Health health = switch (status.level()) {
            case OPERATIONAL -> Health.OK;
            case DEGRADED -> Health.WARNING;
            case OUTAGE -> Health.DOWN;
        };
        List<String> facts = new ArrayList<>();
        if (source.platform().equals("Heroku")) {
            facts.add(String.join(", ", status.systems().stream()
                    .map(s -> s.name() + " " + (s.level() == PlatformStatus.Level.OPERATIONAL ? "green" : s.detail()))
                    .toList()));
        } else {
            facts.add(status.summary());
        }
        List<PlatformStatus.Incident> incidents = status.incidents();
        incidents.stream().limit(MAX_INCIDENTS_SHOWN).forEach(i -> facts.add("• " + (i.url() == null
                ? escape(i.title()) : "<" + i.url() + "|" + escape(i.title()) + ">") + " _(" + i.status() + ")_"));
        if (incidents.size() > MAX_INCIDENTS_SHOWN) {
            facts.add("… and " + (incidents.size() - MAX_INCIDENTS_SHOWN) + " more open incidents on <"
                    + status.pageUrl() + "|the status page>");
        }
        return new Check(source.platform() + " platform", health, facts);
    }

    private Reply render(List<Check> checks) {
        Health worst = checks.stream().map(Check::health).reduce(Health.OK, (a, b) -> b.ordinal() > a.ordinal() ? b : a);
        String verdict = switch (worst) {
            case OK, NOT_CONFIGURED -> ":white_check_mark: *All clear*";
            case UNKNOWN -> ":grey_question: *Partly unknown*: some checks did not answer";
            case WARNING -> ":warning: *Degraded*";
            case DOWN -> ":rotating_light: *Down*";
        };
        Reply.Builder reply = Reply.builder(summary(verdict)).section(verdict);
        for (Check check : checks) {
            reply.section(check.health().emoji() + " *" + check.name() + "* — " + check.health().label() + "\n"
                    + String.join("\n", check.facts()));
        }
        reply.context("As of " + CLOCK.format(clock.instant()) + " · `/dr help` for every command");
        return reply.build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The verdict without mrkdwn or emoji, for notifications. */
    private static String summary(String verdict) {
        return "Lifeboat status: " + dev.lifeboat.reply.TextRenderer.plain(verdict).replaceAll(":[a-z_]+: ", "");
    }
}
