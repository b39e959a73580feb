package dev.lifeboat.demo;

import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.PgBackupsException;
import dev.lifeboat.pgbackups.PublicUrl;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferLog;
import dev.lifeboat.pgbackups.TransferSchedule;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated Heroku Postgres backups API for demos and practice, moving with the injected {@link Clock}: twelve
 * scheduled daily backups ({@code a001}…{@code a012}); a capture waits {@link #START_DELAY}, then its processed
 * bytes grow for {@link #CAPTURE_TIME} until it completes; a restore does the same over {@link #RESTORE_TIME}.
 * To practise failures: {@link #failNextTransfer(String)}, {@link #failNextRestore(String)},
 * {@link #failNextCapture(String)} and {@link #simulateApiOutage(Failure)}. Uses the same
 * app and add-on ids as {@link DemoHeroku}. Thread-safe.
 */
public final class DemoPgBackups implements PgBackups {
    public static final Duration START_DELAY = Duration.ofSeconds(1);
    public static final Duration CAPTURE_TIME = Duration.ofSeconds(8);
    public static final Duration RESTORE_TIME = Duration.ofSeconds(12);
    private static final String STORAGE = "https://demo-backups.lifeboat-demo.invalid/";
    private static final long DATABASE_BYTES = DemoIds.DATABASE_BYTES;

    private final Clock clock;
    private final Map<String, SimDatabase> databases = new LinkedHashMap<>();
    private String failNext;
    private String failNextRestore;
    private String failNextCapture;
    private boolean failNextDownload;
    private Failure outage;

    @Inject
    public DemoPgBackups(Clock clock, HerokuSettings settings) {
        this(clock, DemoIds.appNames(settings));
    }

    /** Simulates the database of {@value DemoIds#DEFAULT_APP} only. */
    public DemoPgBackups(Clock clock) {
        this(clock, List.of(DemoIds.DEFAULT_APP));
    }

    private DemoPgBackups(Clock clock, List<String> apps) {
        this.clock = clock;
        for (String app : apps) {
            databases.put(app, new SimDatabase(app, clock.instant()));
        }
    }

    // ---- practice controls ----

    /** The next capture or restore fails part-way, its logs ending with {@code reason}. */
    public synchronized void failNextTransfer(String reason) {
        this.failNext = reason;
    }

    /** The next restore (only) fails part-way, its logs ending with {@code reason}; captures go on working. */
    public synchronized void failNextRestore(String reason) {
        this.failNextRestore = reason;
    }

    /** The next capture (only) fails part-way, its logs ending with {@code reason}; restores go on working. */
    public synchronized void failNextCapture(String reason) {
        this.failNextCapture = reason;
    }

    /** The next backup download (an offsite copy's source) dies part-way through the stream. */
    public synchronized void failNextDownload() {
        this.failNextDownload = true;
    }

    /** Whether this download should die part-way; asking clears the switch. */
    synchronized boolean takeDownloadFailure() {
        boolean fail = failNextDownload;
        failNextDownload = false;
        return fail;
    }

    /** Makes every call fail as the data API would during an outage of this kind, until {@link #endApiOutage()}. */
    public synchronized void simulateApiOutage(Failure failure) {
        this.outage = failure;
    }

    public synchronized void endApiOutage() {
        this.outage = null;
    }

    // ---- PgBackups ----

    @Override
    public synchronized List<Transfer> transfers(String app) {
        SimDatabase db = byApp(app);
        Instant now = clock.instant();
        return db.transfers.stream().map(t -> t.snapshot(now, false)).toList();
    }

    @Override
    public synchronized Transfer transfer(String app, String numOrUuid) {
        PathId.require(PathId.Kind.TRANSFER, numOrUuid);
        return byApp(app).find(numOrUuid).snapshot(clock.instant(), false);
    }

    @Override
    public synchronized Transfer transferWithLogs(String app, String numOrUuid) {
        PathId.require(PathId.Kind.TRANSFER, numOrUuid);
        return byApp(app).find(numOrUuid).snapshot(clock.instant(), true);
    }

    @Override
    public synchronized Transfer capture(String addonId) {
        SimDatabase db = byAddon(addonId);
        Instant now = clock.instant();
        SimTransfer t = db.add(now, Kind.BACKUP, DATABASE_BYTES + db.transfers.size() * 1_048_576L, null,
                takeFailure(Kind.BACKUP));
        return t.snapshot(now, false);
    }

    @Override
    public synchronized Transfer restore(String addonId, URI backupUrl) {
        SimDatabase db = byAddon(addonId);
        Instant now = clock.instant();
        String url = backupUrl.toString();
        long size = db.transfers.stream().filter(t -> t.kind == Kind.BACKUP && url.startsWith(t.toUrl()))
                .findFirst().map(t -> t.dumpBytes()).orElse(94_371_840L);
        SimTransfer t = db.add(now, Kind.RESTORE, size, url.startsWith(STORAGE) ? "gof3r" : "htcat",
                takeFailure(Kind.RESTORE));
        return t.snapshot(now, false);
    }

    @Override
    public synchronized PublicUrl publicUrl(String app, long num) {
        PathId.require(PathId.Kind.TRANSFER, Long.toString(num));
        SimDatabase db = byApp(app);
        SimTransfer t = db.find(Long.toString(num));
        Transfer snapshot = t.snapshot(clock.instant(), false);
        if (t.kind != Kind.BACKUP || !snapshot.succeeded()) {
            throw new PgBackupsException(Failure.REJECTED, 422, null, "Heroku Postgres refused a download URL for "
                    + snapshot.name() + " (422): only backups that completed can be downloaded.");
        }
        Instant expires = clock.instant().plus(Duration.ofMinutes(10));
        return new PublicUrl(t.toUrl() + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600&X-Amz-Signature="
                + DemoIds.uuid("sig:" + t.uuid + expires).replace("-", ""), expires);
    }

    @Override
    public synchronized List<TransferSchedule> schedules(String addonId) {
        SimDatabase db = byAddon(addonId);
        return List.of(new TransferSchedule(DemoIds.uuid("schedule:" + db.app), "DATABASE_URL", 2,
                List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"), "UTC", 4, 3));
    }

    @Override
    public synchronized void cancel(String app, String transferUuid) {
        PathId.require(PathId.Kind.TRANSFER, transferUuid);
        SimTransfer t = byApp(app).find(transferUuid);
        Instant now = clock.instant();
        if (t.snapshot(now, false).isFinished()) {
            throw new PgBackupsException(Failure.REJECTED, 422, null, "Heroku Postgres refused to cancel "
                    + t.snapshot(now, false).name() + " (422): it has already finished.");
        }
        t.canceledAt = now;
    }

    // ---- internals ----

    private String takeFailure(Kind kind) {
        String only = kind == Kind.RESTORE ? failNextRestore : failNextCapture;
        if (only != null) {
            if (kind == Kind.RESTORE) {
                failNextRestore = null;
            } else {
                failNextCapture = null;
            }
            return only;
        }
        String reason = failNext;
        failNext = null;
        return reason;
    }

    private void failIfOutage() {
        if (outage == null) {
            return;
        }
        int status = switch (outage) {
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case REJECTED -> 422;
            case RATE_LIMITED -> 429;
            case SERVER_ERROR -> 503;
            default -> 0;
        };
        throw new PgBackupsException(outage, status, outage == Failure.RATE_LIMITED ? Duration.ofSeconds(60) : null,
                "The Heroku Postgres backups API is failing (" + outage + ", simulated outage in the demo). Check "
                        + "https://status.heroku.com and try again.");
    }

    /** Ids are checked as the real client checks them, before "calling" the API. */
    private SimDatabase byApp(String app) {
        PathId.require(PathId.Kind.APP, app);
        failIfOutage();
        for (SimDatabase db : databases.values()) {
            if (db.app.equals(app) || DemoIds.appId(db.app).equals(app)) {
                return db;
            }
        }
        throw new PgBackupsException(Failure.NOT_FOUND, 404, null, "Heroku Postgres found no app '" + app
                + "' (check HEROKU_APP; the demo simulates " + String.join(", ", databases.keySet()) + ") (404).");
    }

    private SimDatabase byAddon(String addonId) {
        PathId.require(PathId.Kind.ADDON, addonId);
        failIfOutage();
        for (SimDatabase db : databases.values()) {
            if (DemoIds.addonId(db.app).equals(addonId) || DemoIds.addonName(db.app).equals(addonId)) {
                return db;
            }
        }
        throw new PgBackupsException(Failure.NOT_FOUND, 404, null, "Heroku Postgres found no database add-on '"
                + addonId + "'; the app's Postgres add-on may have been replaced (404).");
    }

    private enum Kind { BACKUP, RESTORE }

    private static final class SimDatabase {
        final String app;
        final List<SimTransfer> transfers = new ArrayList<>();

        SimDatabase(String app, Instant now) {
            this.app = app;
            for (int n = 1; n <= DemoIds.NIGHTLY; n++) {
                SimTransfer t = add(DemoIds.nightlyStart(now, n), Kind.BACKUP, DemoIds.nightlySourceBytes(n), null, null);
                t.scheduled = true;
                t.duration = Duration.ofMinutes(3).plusSeconds(30 + DemoIds.NIGHTLY - n);
            }
        }

        SimTransfer add(Instant createdAt, Kind kind, long sourceBytes, String fromType, String failure) {
            long num = transfers.size() + 1;
            SimTransfer t = new SimTransfer(app, num, kind, createdAt, sourceBytes, fromType, failure);
            transfers.add(t);
            return t;
        }

        SimTransfer find(String numOrUuid) {
            Optional<SimTransfer> found = transfers.stream()
                    .filter(t -> t.uuid.equals(numOrUuid) || Long.toString(t.num).equals(numOrUuid)).findFirst();
            return found.orElseThrow(() -> new PgBackupsException(Failure.NOT_FOUND, 404, null,
                    "Heroku Postgres found no backup or transfer " + numOrUuid + " of app '" + app
                            + "'; list the backups to see which exist (404)."));
        }
    }

    private static final class SimTransfer {
        final String app;
        final long num;
        final String uuid;
        final Kind kind;
        final Instant createdAt;
        final long sourceBytes;
        final String fromType;
        final String failure;
        boolean scheduled;
        Duration duration;
        Instant canceledAt;

        SimTransfer(String app, long num, Kind kind, Instant createdAt, long sourceBytes, String fromType,
                    String failure) {
            this.app = app;
            this.num = num;
            this.uuid = DemoIds.uuid("transfer:" + app + ":" + num);
            this.kind = kind;
            this.createdAt = createdAt;
            this.sourceBytes = sourceBytes;
            this.fromType = fromType;
            this.failure = failure;
            this.duration = kind == Kind.BACKUP ? CAPTURE_TIME : RESTORE_TIME;
        }

        String toUrl() {
            return STORAGE + DemoIds.addonId(app) + "/" + createdAt.atOffset(ZoneOffset.UTC).toLocalDate() + "/" + uuid;
        }

        /** A backup's dump is compressed to about a third of the database; a restore writes all it reads. */
        long dumpBytes() {
            return kind == Kind.BACKUP ? sourceBytes * 36 / 100 : sourceBytes;
        }

        Transfer snapshot(Instant now, boolean withLogs) {
            Instant startedAt = createdAt.plus(START_DELAY);
            Instant endsAt = startedAt.plus(failure == null ? duration : duration.multipliedBy(6).dividedBy(10));
            Instant stoppedAt = canceledAt != null && canceledAt.isBefore(endsAt) ? canceledAt : null;
            Instant finishedAt = stoppedAt != null ? stoppedAt : endsAt;
            boolean started = !now.isBefore(startedAt) && (stoppedAt == null || stoppedAt.isAfter(startedAt));
            boolean finished = !now.isBefore(finishedAt);
            long processed = processed(started, finished ? finishedAt : now, startedAt);
            boolean succeeded = finished && stoppedAt == null && failure == null;
            boolean backup = kind == Kind.BACKUP;
            return new Transfer(uuid, num,
                    backup ? "DATABASE" : "BACKUP",
                    backup ? "pg_dump" : fromType,
                    backup ? "BACKUP" : "DATABASE",
                    backup ? "gof3r" : "pg_restore",
                    backup ? toUrl() : null,
                    sourceBytes, processed, succeeded, 0, createdAt,
                    started || (finished && stoppedAt == null) ? startedAt : null,
                    finished ? finishedAt : null,
                    finished && stoppedAt != null ? stoppedAt : null,
                    finished ? finishedAt : started ? now : createdAt,
                    scheduled ? new Transfer.ScheduleRef(DemoIds.uuid("schedule:" + app), "DATABASE_URL") : null,
                    withLogs ? logs(now, started, finished, succeeded, stoppedAt, startedAt, finishedAt, processed)
                            : List.of());
        }

        private long processed(boolean started, Instant until, Instant startedAt) {
            if (!started) {
                return 0;
            }
            long elapsed = Math.max(0, Duration.between(startedAt, until).toMillis());
            double share = Math.min(1.0, (double) elapsed / duration.toMillis());
            return (long) (dumpBytes() * share);
        }

        private List<TransferLog> logs(Instant now, boolean started, boolean finished, boolean succeeded,
                                       Instant stoppedAt, Instant startedAt, Instant finishedAt, long processed) {
            List<TransferLog> logs = new ArrayList<>();
            boolean backup = kind == Kind.BACKUP;
            if (!started && stoppedAt == null) {
                return logs;
            }
            logs.add(new TransferLog("info", backup
                    ? "Running pg_dump on database DATABASE (" + DemoIds.addonName(app) + ")"
                    : "Downloading the backup and running pg_restore into DATABASE", startedAt));
            Instant midway = startedAt.plus(duration.dividedBy(2));
            if (!now.isBefore(midway) && (stoppedAt == null || stoppedAt.isAfter(midway))) {
                logs.add(new TransferLog("info", backup
                        ? "pg_dump: dumping contents of table \"public.orders\""
                        : "pg_restore: processing data for table \"public.orders\"", midway));
            }
            if (!finished) {
                return logs;
            }
            if (stoppedAt != null) {
                logs.add(new TransferLog("info", "Canceled by user request", finishedAt));
            } else if (succeeded) {
                logs.add(new TransferLog("info", (backup ? "Backup" : "Restore") + " completed: " + processed
                        + " bytes written", finishedAt));
            } else {
                logs.add(new TransferLog("error", failure, finishedAt));
                logs.add(new TransferLog("error", (backup ? "pg_dump" : "pg_restore") + " exited with status 1",
                        finishedAt));
            }
            return logs;
        }
    }
}
