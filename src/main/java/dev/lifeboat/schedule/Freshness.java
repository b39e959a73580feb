package dev.lifeboat.schedule;

import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.status.Ages;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusAnalysis;
import dev.lifeboat.status.StatusFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The daily freshness check, from one status round's facts (pure): the newest successful backup, and the newest
 * offsite copy, each no older than {@code LIFEBOAT_BACKUP_MAX_AGE_HOURS}; the newest backup's copy, when there is one,
 * the backup's size. A fact the round could not get is unknown, never stale.
 */
final class Freshness {
    enum Verdict { FRESH, STALE, UNKNOWN }

    /**
     * @param verdict  fresh, stale (something observed is too old or missing), or unknown (a fact is missing)
     * @param problems what is stale or missing, in words
     * @param unknown  what could not be checked, and why
     * @param facts    what was found, in words
     */
    record Result(Verdict verdict, List<String> problems, List<String> unknown, List<String> facts) {
        String summary() {
            List<String> all = new ArrayList<>(problems);
            all.addAll(unknown);
            all.addAll(facts);
            return String.join("; ", all);
        }
    }

    private Freshness() {
    }

    static Result check(StatusFacts f) {
        Duration max = f.maxBackupAge();
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        Optional<Transfer> newest = Optional.empty();
        if (f.transfers().ok()) {
            newest = Transfers.latestSucceededBackup(f.transfers().value().orElseThrow());
            if (newest.isEmpty()) {
                problems.add("there is no successful backup on Heroku");
            } else {
                Transfer b = newest.get();
                Duration age = b.finishedAt() == null ? Duration.ZERO : Duration.between(b.finishedAt(), f.asOf());
                String line = "newest backup " + b.name() + " is " + Ages.age(age) + " old";
                (age.compareTo(max) > 0 ? problems : facts).add(line);
            }
        } else {
            unknown.add(gap("Heroku backups", f.transfers()));
        }
        if (f.copies().ok()) {
            List<OffsiteCopy> copies = f.copies().value().orElseThrow();
            Optional<OffsiteCopy> newestCopy = copies.stream().max(Comparator.comparing(OffsiteCopy::lastModified));
            if (newestCopy.isEmpty()) {
                problems.add("there is no offsite copy in S3");
            } else {
                Duration age = Duration.between(newestCopy.get().lastModified(), f.asOf());
                String line = "newest offsite copy " + newestCopy.get().fileName() + " is " + Ages.age(age) + " old";
                (age.compareTo(max) > 0 ? problems : facts).add(line);
            }
            newest.ifPresent(b -> {
                Optional<OffsiteCopy> copy = StatusAnalysis.copyOf(b, copies);
                if (copy.isPresent() && copy.get().size() != b.processedBytes()) {
                    problems.add("the offsite copy of " + b.name() + " is " + Transfers.humanBytes(copy.get().size())
                            + ", the backup " + Transfers.humanBytes(b.processedBytes()));
                } else if (copy.isEmpty() && !copies.isEmpty()) {
                    facts.add(b.name() + " is not offsite yet");
                }
            });
        } else if (f.copies().gap() == Fetched.Gap.NOT_CONFIGURED) {
            problems.add("no offsite copies are kept: " + f.copies().why());
        } else {
            unknown.add(gap("offsite copies", f.copies()));
        }
        Verdict verdict = !problems.isEmpty() ? Verdict.STALE : !unknown.isEmpty() ? Verdict.UNKNOWN : Verdict.FRESH;
        return new Result(verdict, problems, unknown, facts);
    }

    private static String gap(String what, Fetched<?> fetched) {
        return what + " could not be checked (" + fetched.why() + ")";
    }
}
