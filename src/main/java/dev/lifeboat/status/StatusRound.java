package dev.lifeboat.status;

import dev.lifeboat.command.BusyException;
import dev.lifeboat.config.S3Settings;
import dev.lifeboat.heroku.HerokuPlatform;
import dev.lifeboat.http.Deadline;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.TransferSchedule;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatusSource;
import dev.lifeboat.probe.Probe;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.offsite.OffsiteLedger;
import dev.lifeboat.s3.OffsiteStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One round of upstream calls for the status report: every call starts at once on the checks executor, and each
 * ends by the round's deadline: a hanging upstream yields "no answer within N s" for its facts alone. API calls run
 * inside the round's {@link Deadline}, so a {@code Retry-After} longer than the time left is reported, not waited
 * out. The app and site probes run on their own threads with a fixed budget a little inside the deadline; a probe
 * the round had to leave unfinished is unknown ("cancelled: status round ended"), never down.
 */
public final class StatusRound implements FactsSource {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatusRound.class);
    static final String HEROKU_HINT = "not configured (set HEROKU_API_KEY and HEROKU_APP)";
    static final String NETLIFY_HINT = "not configured (set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID)";
    static final String S3_HINT = "not configured (set LIFEBOAT_BACKUP_BUCKET)";
    static final String ROUND_ENDED = "cancelled: status round ended";
    /** Probes end this much before the round does, so their own answer (even a timeout) arrives in time. */
    static final Duration PROBE_MARGIN = Duration.ofMillis(150);
    /** A call that timed out this close to the round's deadline was cut by it. */
    static final Duration CUT_SLACK = Duration.ofMillis(50);
    /** A probe that starts with this much less than its full budget started late (it waited on Netlify). */
    static final Duration LATE_START = Duration.ofMillis(250);
    /**
     * The most API calls one round makes at once: Heroku's app, dynos, releases and Postgres add-on, the data API's
     * transfers and backup schedules (asked twice when the add-on changed), the S3 copies, Netlify's site and
     * deploys, both status pages, and the state store's record of the copies. The checks executor is sized from it.
     */
    public static final int API_CALLS = 13;
    /**
     * Rounds that may run at once: the checks executor holds three rounds' calls (its threads and its queue). A round
     * beyond that is told "busy" before it submits anything, so a burst never starves every round of a slot or two.
     */
    public static final int ROUNDS_AT_ONCE = 3;
    /** A probe with less time than this left is not started. */
    static final Duration MIN_PROBE = Duration.ofMillis(50);

    private final Optional<HerokuPlatform> heroku;
    private final Optional<PgBackups> backups;
    private final Optional<NetlifySite> netlify;
    private final Optional<OffsiteStore> offsite;
    private final Optional<OffsiteLedger> ledger;
    private final Set<PlatformStatusSource> platforms;
    private final Probe probe;
    private final StatusTargets targets;
    private final S3Settings s3;
    private final StatusTimings timings;
    private final RoundMemory memory;
    private final ExecutorService executor;
    private final ExecutorService probes;
    private final Clock clock;
    private final java.util.concurrent.Semaphore admitted = new java.util.concurrent.Semaphore(ROUNDS_AT_ONCE);

    @Inject
    public StatusRound(Optional<HerokuPlatform> heroku, Optional<PgBackups> backups, Optional<NetlifySite> netlify,
                       Optional<OffsiteStore> offsite, Optional<OffsiteLedger> ledger,
                       Set<PlatformStatusSource> platforms, Probe probe,
                       StatusTargets targets, S3Settings s3, StatusTimings timings, RoundMemory memory,
                       @Named("checks") ExecutorService executor, @Named("probes") ExecutorService probes,
                       Clock clock) {
        this.heroku = heroku;
        this.backups = backups;
        this.netlify = netlify;
        this.offsite = offsite;
        this.ledger = ledger;
        this.platforms = platforms;
        this.probe = probe;
        this.targets = targets;
        this.s3 = s3;
        this.timings = timings;
        this.memory = memory;
        this.executor = executor;
        this.probes = probes;
        this.clock = clock;
    }

    /**
     * Runs a round and returns its facts; never takes longer than the deadline (plus scheduling slack). When it
     * returns, every API call it gave up on is cancelled (its connection closed, its thread freed) and every check
     * still queued is dropped. When the checks executor has no room for the round's calls, the round ends at once
     * with {@link BusyException}: the person is told Lifeboat is busy rather than kept waiting.
     */
    @Override
    public StatusFacts gather() {
        if (!admitted.tryAcquire()) {
            throw new BusyException("the status checks queue is full");
        }
        try {
            Instant asOf = clock.instant();
            Round round = new Round(System.nanoTime() + timings.deadline().toNanos());
            try {
                StatusFacts facts = gather(asOf, round);
                if (round.rejected) {
                    throw new BusyException("the status checks queue is full");
                }
                return facts;
            } finally {
                round.end(executor);
            }
        } finally {
            admitted.release();
        }
    }

    private StatusFacts gather(Instant asOf, Round round) {
        long deadlineNanos = round.deadlineNanos;
        Optional<String> app = targets.herokuApp().filter(a -> heroku.isPresent());

        var appInfo = app.map(a -> call(round, () -> heroku.get().app(a))).orElseGet(() -> absent(HEROKU_HINT));
        var dynos = app.map(a -> call(round, () -> heroku.get().dynos(a))).orElseGet(() -> absent(HEROKU_HINT));
        var releases = app.map(a -> call(round, () -> heroku.get().releases(a, 10))).orElseGet(() -> absent(HEROKU_HINT));
        var appProbe = targets.appHealthUrl()
                .map(url -> probe(url, deadlineNanos))
                .orElseGet(() -> absent("not configured (set APP_URL)"));
        var addon = app.map(a -> call(round, () -> heroku.get().postgresAddon(a))).orElseGet(() -> absent(HEROKU_HINT));
        var transfers = app.filter(a -> backups.isPresent())
                .map(a -> call(round, () -> backups.get().transfers(a))).orElseGet(() -> absent(HEROKU_HINT));
        var schedules = schedules(addon, round);
        var copies = offsite.filter(o -> app.isPresent())
                .map(o -> call(round, () -> o.list(targets.backupPrefix())))
                .orElseGet(() -> absent(offsite.isEmpty() ? S3_HINT : HEROKU_HINT));
        var copyRecords = ledger.filter(l -> app.isPresent() && offsite.isPresent())
                .map(l -> call(round, () -> l.forApp(app.get())))
                .orElseGet(() -> absent(offsite.isEmpty() ? S3_HINT : "not kept: no state store"));
        var site = netlify.map(n -> call(round, n::site)).orElseGet(() -> absent(NETLIFY_HINT));
        var deploys = netlify.map(n -> call(round, () -> n.deploys(20))).orElseGet(() -> absent(NETLIFY_HINT));
        var siteProbe = targets.siteUrl()
                .map(url -> probe(url, deadlineNanos))
                .orElseGet(() -> siteProbe(site, deadlineNanos));
        var herokuStatus = platform("Heroku", round);
        var netlifyStatus = platform("Netlify", round);

        CompletableFuture.allOf(appInfo, dynos, releases, appProbe, addon, transfers, schedules, copies, copyRecords, site,
                deploys, siteProbe, herokuStatus, netlifyStatus).join();
        return new StatusFacts(asOf, timings.deadline(), app, appInfo.join(), dynos.join(), releases.join(),
                appProbe.join(), addon.join(), transfers.join(), schedules.join(), copies.join(), copyRecords.join(), site.join(),
                deploys.join(), siteProbe.join(), herokuStatus.join(), netlifyStatus.join(),
                Duration.ofHours(s3.maxAgeHours()));
    }

    /**
     * One round's checks: its deadline, the API calls it made ({@link Deadline.Calls}) and the tasks it queued, so
     * that {@link #end} can cancel what the round no longer waits for.
     */
    private static final class Round {
        final long deadlineNanos;
        final Deadline.Calls calls;
        final Queue<Future<?>> tasks = new ConcurrentLinkedQueue<>();
        volatile boolean rejected;

        Round(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
            this.calls = new Deadline.Calls(deadlineNanos);
        }

        void end(ExecutorService executor) {
            int cancelled = calls.end();
            int dropped = 0;
            for (Future<?> task : tasks) {
                if (!task.isDone() && task.cancel(true)) {
                    dropped++;
                }
            }
            if (dropped > 0 && executor instanceof ThreadPoolExecutor pool) {
                // Dropped checks leave the queue now, not when a thread gets to them: the room is for the next round.
                pool.purge();
            }
            if (cancelled > 0 || dropped > 0) {
                log.info("event=status_round_cut calls_cancelled={} checks_stopped={}", cancelled, dropped);
            }
        }
    }

    /**
     * Why the site is not probed when {@code SITE_URL} is unset: Netlify is not configured, the site has no URL, or
     * Netlify did not answer (then the site check is unknown, not "not configured": NETLIFY_SITE_ID is set).
     */
    private static Fetched<ProbeResult> siteUrlMissing(Fetched<Site> site) {
        if (site.ok()) {
            return Fetched.notConfigured("the site has no URL");
        }
        if (site.gap() == Fetched.Gap.NOT_CONFIGURED) {
            return Fetched.notConfigured("not configured (set SITE_URL or NETLIFY_SITE_ID)");
        }
        return Fetched.without(site, "not checked: Netlify did not give the site's URL (set SITE_URL to check it directly)");
    }

    /**
     * The backup schedule needs the add-on's id. When a previous round learnt it, the schedule is asked at once and
     * kept if this round's add-on has the same id; otherwise (first round, or the add-on changed) it is asked after.
     */
    private CompletableFuture<Fetched<List<TransferSchedule>>> schedules(
            CompletableFuture<Fetched<Optional<PostgresAddon>>> addon, Round round) {
        if (backups.isEmpty()) {
            return absent(HEROKU_HINT);
        }
        Optional<String> known = memory.addonId();
        Optional<CompletableFuture<Fetched<List<TransferSchedule>>>> early =
                known.map(id -> call(round, () -> backups.get().schedules(id)));
        return addon.thenCompose(found -> {
            Optional<PostgresAddon> current = found.value().flatMap(o -> o);
            current.ifPresent(a -> memory.addonId(a.id()));
            if (current.isPresent()) {
                if (early.isPresent() && known.get().equals(current.get().id())) {
                    return early.get();
                }
                return call(round, () -> backups.get().schedules(current.get().id()));
            }
            if (found.ok()) {
                return CompletableFuture.completedFuture(Fetched.notConfigured("no Postgres add-on"));
            }
            // The add-on could not be read this time: the schedule of the one we knew is still the best answer.
            return early.orElseGet(() -> CompletableFuture.completedFuture(Fetched.without(found, found.why())));
        });
    }

    /** The site check without SITE_URL: the URL Netlify gave last time is probed at once, and again if it changed. */
    private CompletableFuture<Fetched<ProbeResult>> siteProbe(CompletableFuture<Fetched<Site>> site, long deadlineNanos) {
        Optional<String> known = memory.siteUrl();
        Optional<CompletableFuture<Fetched<ProbeResult>>> early =
                known.map(url -> probe(URI.create(url), deadlineNanos));
        return site.thenCompose(found -> {
            Optional<String> url = found.value().map(Site::liveUrl).filter(u -> u != null && !u.isBlank());
            url.ifPresent(memory::siteUrl);
            if (url.isPresent()) {
                if (early.isPresent() && known.get().equals(url.get())) {
                    return early.get();
                }
                return probe(URI.create(url.get()), deadlineNanos);
            }
            if (!found.ok() && early.isPresent()) {
                // Netlify's API failed, not the site: the URL it gave before is still worth checking.
                return early.get();
            }
            return CompletableFuture.completedFuture(siteUrlMissing(found));
        });
    }

    private CompletableFuture<Fetched<PlatformStatus>> platform(String name, Round round) {
        return platforms.stream().filter(p -> p.platform().equals(name)).findFirst()
                .map(source -> call(round, source::current))
                .orElseGet(() -> absent("not checked"));
    }

    /**
     * Probes {@code url} on the probe threads. A probe that starts with less than its full budget left (it waited
     * for Netlify to name the site's URL) and runs out of time has not shown the site to be slow: that is unknown.
     */
    private CompletableFuture<Fetched<ProbeResult>> probe(URI url, long deadlineNanos) {
        Duration full = timings.probeBudget();
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        Duration budget = Duration.ofNanos(Math.min(full.toNanos(), Math.max(0, left - PROBE_MARGIN.toNanos())));
        if (budget.toMillis() < MIN_PROBE.toMillis()) {
            return CompletableFuture.completedFuture(Fetched.unknown(Fetched.Gap.TIMED_OUT, ROUND_ENDED));
        }
        boolean late = full.minus(budget).compareTo(LATE_START) > 0;
        return CompletableFuture.supplyAsync(() -> probe.probe(url, budget), probes)
                .thenApply(result -> result.outcome() == ProbeResult.Outcome.TIMEOUT && late
                        ? Fetched.<ProbeResult>unknown(Fetched.Gap.TIMED_OUT, "not checked in time: only "
                                + budget.toMillis() + " ms of the round were left for it")
                        : Fetched.of(result))
                .exceptionally(error -> {
                    logOwnFault(error);
                    return Fetched.failed(error);
                })
                .completeOnTimeout(Fetched.unknown(Fetched.Gap.TIMED_OUT, ROUND_ENDED), left, TimeUnit.NANOSECONDS);
    }

    /**
     * One API call on the checks executor, inside the round's deadline and tracked by it. A call the executor has
     * no room for is not made: the round is then answered "busy" (see {@link #gather()}).
     */
    private <T> CompletableFuture<Fetched<T>> call(Round round, Supplier<T> supplier) {
        long deadlineNanos = round.deadlineNanos;
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            round.tasks.add(executor.submit(() -> {
                if (round.calls.ended() || System.nanoTime() >= deadlineNanos) {
                    // Queued until the round was over: nobody waits for it any more.
                    answer.cancel(false);
                    return;
                }
                try {
                    answer.complete(round.calls.run(supplier));
                } catch (Throwable error) {
                    answer.completeExceptionally(error);
                }
            }));
        } catch (RejectedExecutionException full) {
            round.rejected = true;
            return CompletableFuture.completedFuture(Fetched.unknown(Fetched.Gap.FAILED, "not checked: Lifeboat is busy"));
        }
        return answer
                .<Fetched<T>>thenApply(Fetched::of)
                .exceptionally(error -> {
                    if (answer.isCancelled()) {
                        // Dropped after the round ended: the round has long answered "no answer within N s".
                        return Fetched.timedOut(timings.deadline());
                    }
                    Fetched<T> failed = Fetched.failed(error);
                    logOwnFault(error);
                    // A call cut by the round's own deadline reads the same as one still running when it ended.
                    boolean cutAtDeadline = failed.gap() == Fetched.Gap.TIMED_OUT
                            && System.nanoTime() >= deadlineNanos - CUT_SLACK.toNanos();
                    return cutAtDeadline ? Fetched.timedOut(timings.deadline()) : failed;
                })
                .completeOnTimeout(Fetched.timedOut(timings.deadline()), left, TimeUnit.NANOSECONDS);
    }

    /** A check that failed for a reason of our own (not an upstream's answer) is a bug worth a log line. */
    private static void logOwnFault(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (!(cause instanceof dev.lifeboat.http.UpstreamException)) {
            log.warn("event=status_check_failed error=\"{}\"", cause.getClass().getSimpleName() + ": "
                    + dev.lifeboat.config.Redact.text(String.valueOf(cause.getMessage())));
        }
    }

    private static <T> CompletableFuture<Fetched<T>> absent(String hint) {
        return CompletableFuture.completedFuture(Fetched.notConfigured(hint));
    }

}
