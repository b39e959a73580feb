package dev.lifeboat.status;

import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferSchedule;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.s3.OffsiteCopy;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The database: the Postgres add-on, the newest backups, the schedule, transfers in progress and offsite copies. */
final class DatabaseSection {
    private DatabaseSection() {
    }

    static Section build(StatusFacts f, Signals s) {
        SectionBuilder section = new SectionBuilder("Database");
        if (f.addon().ok()) {
            Optional<PostgresAddon> addon = f.addon().value().orElseThrow();
            if (addon.isPresent()) {
                section.add(Health.OK, "Heroku Postgres `" + addon.get().planName() + "` (" + addon.get().name() + ")");
            } else {
                section.add(Health.WARNING, "No Heroku Postgres add-on on " + f.herokuApp().orElse("the app"));
                s.backupProblems.add("the app has no Heroku Postgres add-on");
            }
        } else {
            section.gap("Postgres", f.addon(), s);
        }
        Optional<Transfer> newestGood = Optional.empty();
        if (f.transfers().ok()) {
            List<Transfer> transfers = f.transfers().value().orElseThrow();
            List<Transfer> backups = transfers.stream().filter(t -> t.kind() == TransferKind.BACKUP)
                    .sorted(Comparator.comparingLong(Transfer::num).reversed()).toList();
            newestGood = Transfers.latestSucceededBackup(transfers);
            if (newestGood.isPresent()) {
                Transfer b = newestGood.get();
                Duration age = b.finishedAt() == null ? Duration.ZERO : Duration.between(b.finishedAt(), f.asOf());
                boolean stale = age.compareTo(f.maxBackupAge()) > 0;
                String line = "Newest backup *" + b.name() + "* finished " + Ages.when(b.finishedAt()) + " ("
                        + Ages.age(age) + " ago), " + Transfers.humanBytes(b.processedBytes());
                if (stale) {
                    s.backupStale = true;
                    s.backupProblems.add("the newest backup is " + Ages.age(age) + " old");
                    section.add(Health.WARNING, ":warning: " + line + " — older than "
                            + f.maxBackupAge().toHours() + " h (LIFEBOAT_BACKUP_MAX_AGE_HOURS)");
                } else {
                    section.add(Health.OK, line);
                }
            } else {
                s.backupProblems.add("there is no successful backup");
                section.add(Health.WARNING, ":warning: No successful backup on Heroku");
            }
            Optional<Transfer> newest = backups.stream().filter(Transfer::isFinished).findFirst();
            newest.filter(t -> t.status() == TransferStatus.FAILED).ifPresent(t -> {
                s.backupProblems.add("the latest backup " + t.name() + " failed");
                section.add(Health.WARNING, ":x: Latest backup *" + t.name() + "* failed " + Ages.ago(f.asOf(), t.finishedAt()));
            });
            Transfers.newestInProgress(transfers).ifPresent(t -> section.add(Health.OK,
                    ":hourglass_flowing_sand: " + kindLabel(t) + " *" + t.name() + "* " + t.status().name().toLowerCase(java.util.Locale.ROOT)
                            + ": " + Transfers.humanBytes(t.processedBytes())
                            + t.percentDone().stream().mapToObj(p -> " (" + p + "% of " + Transfers.humanBytes(t.sourceBytes()) + ")").findFirst().orElse("")));
        } else {
            section.gap("Backups", f.transfers(), s);
        }
        if (f.schedules().ok()) {
            List<TransferSchedule> schedules = f.schedules().value().orElseThrow();
            if (schedules.isEmpty()) {
                s.backupProblems.add("no backup schedule is set");
                section.add(Health.WARNING, ":warning: No backup schedule (`heroku pg:backups:schedule`)");
            } else {
                TransferSchedule first = schedules.get(0);
                section.add(Health.OK, "Backups scheduled daily at " + String.format("%02d:00", first.hour()) + " "
                        + (first.timezone() == null ? "UTC" : first.timezone()));
            }
        } else if (f.schedules().gap() != Fetched.Gap.NOT_CONFIGURED) {
            section.gap("Schedule", f.schedules(), s);
        }
        if (f.copies().ok()) {
            List<OffsiteCopy> copies = f.copies().value().orElseThrow();
            if (copies.isEmpty()) {
                s.backupProblems.add("there is no offsite copy");
                section.add(Health.WARNING, ":warning: No offsite copy in S3");
            } else {
                OffsiteCopy copy = copies.get(0);
                section.add(Health.OK, "Newest offsite copy `" + copy.key() + "` " + Ages.ago(f.asOf(), copy.lastModified())
                        + ", " + Transfers.humanBytes(copy.size()));
                newestGood.ifPresent(b -> {
                    Optional<OffsiteCopy> match = copyOf(b, copies);
                    if (match.isEmpty()) {
                        s.backupProblems.add("the newest backup " + b.name() + " has no offsite copy");
                        section.add(Health.WARNING, ":warning: Newest backup *" + b.name() + "* has no offsite copy"
                                + CopyVerification.failure(b, f.copyRecords()).map(why -> " (" + why + ")")
                                .orElse(""));
                    } else if (match.get().size() != b.processedBytes()) {
                        s.backupProblems.add("the offsite copy of " + b.name() + " has the wrong size");
                        section.add(Health.WARNING, ":warning: The offsite copy of *" + b.name() + "* is "
                                + Transfers.humanBytes(match.get().size()) + ", the backup "
                                + Transfers.humanBytes(b.processedBytes()));
                    } else {
                        section.add(Health.OK, "It matches the newest backup *" + b.name() + "*: "
                                + CopyVerification.matching(b, match.get(), f.copyRecords()));
                    }
                });
            }
        } else {
            section.gap("Offsite copies", f.copies(), s);
        }
        return section.build();
    }

    /** The S3 copy of a backup: the key's file name is the backup's name (a042.dump). */
    public static Optional<OffsiteCopy> copyOf(Transfer backup, List<OffsiteCopy> copies) {
        String name = backup.name();
        return copies.stream().filter(c -> c.fileName().equals(name) || c.fileName().startsWith(name + ".")).findFirst();
    }

    private static String kindLabel(Transfer t) {
        return switch (t.kind()) {
            case BACKUP -> "Backup";
            case RESTORE -> "Restore";
            case COPY -> "Copy";
            default -> "Transfer";
        };
    }
}
