package dev.lifeboat.backups;

import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferSchedule;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.status.Ages;
import dev.lifeboat.status.CopyVerification;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusAnalysis;
import dev.lifeboat.status.StatusFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /dr backups} as a {@link Reply}: the newest Heroku backups with their offsite copies, the schedule,
 * transfers in progress, and S3 copies whose Heroku backup has aged out. Pure: built from one round's facts.
 */
public final class BackupsReport {
    static final int SHOWN = 10;

    private BackupsReport() {
    }

    public static Reply render(StatusFacts f) {
        String app = f.herokuApp().orElse("the app");
        Reply.Builder reply = Reply.builder("Backups of " + app).header("Backups of " + app);
        if (!f.transfers().ok()) {
            reply.section(gap("Heroku backups", f.transfers()));
            copiesOnly(reply, f);
            return reply.context("As of " + Ages.clock(f.asOf())).build();
        }
        List<Transfer> transfers = f.transfers().value().orElseThrow();
        List<Transfer> backups = transfers.stream().filter(t -> t.kind() == TransferKind.BACKUP)
                .sorted(Comparator.comparingLong(Transfer::num).reversed()).toList();
        Optional<List<OffsiteCopy>> copies = f.copies().value();
        Optional<Transfer> newestGood = Transfers.latestSucceededBackup(transfers);

        if (backups.isEmpty()) {
            reply.section(":warning: Heroku has no backups of this database. Capture one now (`/dr backup`) and set a schedule"
                    + " (`heroku pg:backups:schedule DATABASE_URL --at '02:00 UTC'`).");
        } else {
            List<String> lines = new ArrayList<>();
            for (Transfer b : backups.subList(0, Math.min(SHOWN, backups.size()))) {
                lines.add(line(b, f, copies, newestGood.map(g -> g.num() == b.num()).orElse(false)));
            }
            String more = backups.size() > SHOWN ? "\n_… and " + (backups.size() - SHOWN) + " older backups on Heroku._" : "";
            reply.section("*Newest " + Math.min(SHOWN, backups.size()) + " of " + backups.size() + " backups*"
                    + (copies.isPresent() ? " (offsite: ✓ copied, ✗ missing)" : "") + "\n" + String.join("\n", lines) + more);
        }
        if (!f.copies().ok()) {
            reply.context("Offsite copies: " + f.copies().why());
        }
        if (f.copies().ok() && !f.copyRecords().ok() && f.copyRecords().gap() != Fetched.Gap.NOT_CONFIGURED) {
            reply.context("Checksums recorded by Lifeboat: " + f.copyRecords().why());
        }

        List<Transfer> running = transfers.stream().filter(t -> !t.isFinished()).toList();
        if (!running.isEmpty()) {
            reply.section("*In progress*\n" + running.stream().map(t -> "`" + t.name() + "` "
                    + t.kind().name().toLowerCase(Locale.ROOT) + " " + t.status().name().toLowerCase(Locale.ROOT)
                    + ", " + Transfers.humanBytes(t.processedBytes())
                    + t.percentDone().stream().mapToObj(p -> " (" + p + "%)").findFirst().orElse("")
                    + " — started " + Ages.ago(f.asOf(), t.startedAt() != null ? t.startedAt() : t.createdAt()))
                    .collect(Collectors.joining("\n")));
        }

        reply.section(schedule(f));

        copies.ifPresent(list -> {
            Set<String> names = transfers.stream().map(Transfer::name).collect(Collectors.toSet());
            long orphans = list.stream().filter(c -> names.stream().noneMatch(n -> c.fileName().equals(n)
                    || c.fileName().startsWith(n + "."))).count();
            if (orphans > 0) {
                reply.context(orphans + (orphans == 1 ? " offsite copy has" : " offsite copies have")
                        + " no Heroku backup left (older than Heroku's retention); they are kept in S3 for "
                        + "LIFEBOAT_BACKUP_RETENTION_DAYS.");
            }
        });
        return reply.context("As of " + Ages.clock(f.asOf()) + " · max age " + f.maxBackupAge().toHours()
                + " h (LIFEBOAT_BACKUP_MAX_AGE_HOURS)").build();
    }

    private static String line(Transfer b, StatusFacts f, Optional<List<OffsiteCopy>> copies, boolean newestGood) {
        StringBuilder line = new StringBuilder("`").append(b.name()).append("` ");
        java.time.Instant at = b.finishedAt() != null ? b.finishedAt() : b.createdAt();
        line.append(Ages.when(at)).append(" (").append(Ages.ago(f.asOf(), at)).append(") · ")
                .append(Transfers.humanBytes(b.processedBytes())).append(" · ");
        line.append(switch (b.status()) {
            case COMPLETED -> b.warnings() > 0 ? ":warning: completed with " + b.warnings() + " warning" + (b.warnings() == 1 ? "" : "s") : "completed";
            case FAILED -> ":x: *failed*";
            case CANCELED -> "canceled";
            case RUNNING -> "running";
            case PENDING -> "pending";
        });
        if (copies.isPresent() && b.status() == TransferStatus.COMPLETED) {
            Optional<OffsiteCopy> copy = StatusAnalysis.copyOf(b, copies.get());
            if (copy.isEmpty()) {
                line.append(" · offsite ✗");
                CopyVerification.failure(b, f.copyRecords()).ifPresent(why -> line.append(" (").append(why)
                        .append(")"));
            } else if (copy.get().size() != b.processedBytes()) {
                line.append(" · offsite :warning: ").append(Transfers.humanBytes(copy.get().size())).append(", size differs");
            } else {
                line.append(" · offsite ✓ ").append(CopyVerification.matching(b, copy.get(), f.copyRecords()));
            }
        }
        if (newestGood && b.finishedAt() != null
                && Duration.between(b.finishedAt(), f.asOf()).compareTo(f.maxBackupAge()) > 0) {
            line.append(" · :warning: older than ").append(f.maxBackupAge().toHours()).append(" h");
        }
        return line.toString();
    }

    private static String schedule(StatusFacts f) {
        if (f.schedules().ok()) {
            List<TransferSchedule> schedules = f.schedules().value().orElseThrow();
            if (schedules.isEmpty()) {
                return ":warning: *No backup schedule.* Set one: `heroku pg:backups:schedule DATABASE_URL --at '02:00 UTC'`";
            }
            return "*Schedule:* " + schedules.stream().map(s -> "daily at " + String.format("%02d:00", s.hour()) + " "
                    + (s.timezone() == null ? "UTC" : s.timezone()) + (s.name() == null ? "" : " (" + s.name() + ")"))
                    .collect(Collectors.joining("; "));
        }
        return gap("Schedule", f.schedules());
    }

    private static void copiesOnly(Reply.Builder reply, StatusFacts f) {
        f.copies().value().filter(list -> !list.isEmpty()).ifPresent(list -> reply.section("*Offsite copies* (newest "
                + Math.min(SHOWN, list.size()) + " of " + list.size() + ")\n" + list.stream().limit(SHOWN)
                .map(c -> "`" + c.key() + "` " + Ages.ago(f.asOf(), c.lastModified()) + " · " + Transfers.humanBytes(c.size()))
                .collect(Collectors.joining("\n"))));
    }

    private static String gap(String label, Fetched<?> fetched) {
        return (fetched.gap() == Fetched.Gap.NOT_CONFIGURED ? "" : ":grey_question: ") + "*" + label + "*: " + fetched.why();
    }
}
