package dev.lifeboat.schedule;

import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.ReleaseStatus;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusAnalysis;
import dev.lifeboat.status.StatusFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The weekly digest (the plan's "review deploy logs and alerts regularly") as one message, built from what Lifeboat
 * holds (pure): one status round's facts (backups and copies, releases, site deploys), the runs in the store (drills,
 * restores, offsite copies, rollbacks) and the audit log (incidents, monitor alerts). A kind of event Lifeboat does
 * not track says "not recorded"; a fact the round could not get says so, never "none".
 */
final class Digest {
    /** How many of each kind are listed by name; the rest are counted. */
    static final int LISTED = 8;
    /** What the status round reads of each (StatusRound): the newest 10 releases, the newest 20 deploys. */
    static final int RELEASES_READ = 10;
    static final int DEPLOYS_READ = 20;
    /** Audit entries of the monitors are by this actor. */
    static final String MONITOR_ACTOR = "monitor";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * What the digest is built from.
     *
     * @param from          the week's start (inclusive)
     * @param to            its end (now)
     * @param facts         one status round
     * @param runs          the newest runs of the store, newest first
     * @param audit         the audit log's newest entries, newest first; empty when the log could not be read (why)
     * @param auditProblem  why the audit log could not be read
     * @param commandExists whether this Lifeboat has a command (e.g. {@code incident open})
     */
    record Week(Instant from, Instant to, StatusFacts facts, List<Run> runs, List<AuditEntry> audit,
                Optional<String> auditProblem, Predicate<String> commandExists) {
        boolean within(Instant at) {
            return at != null && !at.isBefore(from) && !at.isAfter(to);
        }
    }

    private Digest() {
    }

    static Reply build(Week w) {
        String title = "Weekly digest: " + DAY.format(w.from()) + " – " + DAY.format(w.to());
        return Reply.builder(title).header(title)
                .section("*Backups and offsite copies*\n" + backups(w))
                .section("*Drills*\n" + runs(w, "drill", "none this week"))
                .section("*Restores*\n" + runs(w, "restore", "none"))
                .section("*Incidents*\n" + incidents(w))
                .section("*Monitor alerts*\n" + monitorAlerts(w))
                .section("*Deploys and rollbacks*\n" + deploys(w))
                .section("*Lifeboat's other runs*\n" + otherRuns(w))
                .context("Times are UTC · from Heroku, Netlify, S3, Lifeboat's runs and its audit log"
                        + " · `/dr history` for every command").build();
    }

    static String backups(Week w) {
        StatusFacts f = w.facts();
        List<String> lines = new ArrayList<>();
        if (f.transfers().ok()) {
            List<Transfer> week = f.transfers().value().orElseThrow().stream()
                    .filter(t -> t.kind() == TransferKind.BACKUP && w.within(t.createdAt()))
                    .sorted(Comparator.comparingLong(Transfer::num)).toList();
            if (week.isEmpty()) {
                lines.add(":warning: no backup this week");
            } else {
                List<Transfer> good = week.stream().filter(t -> t.status() == TransferStatus.COMPLETED).toList();
                List<String> failed = week.stream().filter(t -> t.status() == TransferStatus.FAILED)
                        .map(Transfer::name).toList();
                lines.add(week.size() + " backup" + plural(week.size()) + " (" + week.get(0).name()
                        + (week.size() > 1 ? " to " + week.get(week.size() - 1).name() : "") + "): " + good.size()
                        + " succeeded" + (failed.isEmpty() ? "" : ", :x: failed: " + listed(failed)));
                if (f.copies().ok()) {
                    List<OffsiteCopy> copies = f.copies().value().orElseThrow();
                    List<String> missing = good.stream().filter(b -> StatusAnalysis.copyOf(b, copies).isEmpty())
                            .map(Transfer::name).toList();
                    lines.add("offsite: " + (good.size() - missing.size()) + " of " + good.size() + " copied"
                            + (missing.isEmpty() ? "" : ", not copied: " + listed(missing)));
                } else {
                    lines.add("offsite copies: " + gap(f.copies()));
                }
            }
        } else {
            lines.add("Heroku backups: " + gap(f.transfers()));
        }
        List<Run> offsite = w.runs().stream().filter(r -> r.runbook().contains("offsite") && w.within(r.createdAt())
                && r.startedAt().isPresent()).toList();
        if (!offsite.isEmpty()) {
            lines.add("offsite copy runs: " + offsite.size() + " (" + tally(offsite) + ")");
        }
        return String.join("\n", lines);
    }

    /** The week's started runs of one runbook, each with its state and closing line. */
    static String runs(Week w, String runbook, String none) {
        List<Run> runs = w.runs().stream().filter(r -> r.runbook().equals(runbook) && r.startedAt().isPresent()
                && w.within(r.startedAt().get())).sorted(Comparator.comparing(r -> r.startedAt().get())).toList();
        if (runs.isEmpty()) {
            return none;
        }
        List<String> lines = new ArrayList<>();
        for (Run r : runs.subList(Math.max(0, runs.size() - LISTED), runs.size())) {
            String emoji = switch (r.state()) {
                case SUCCEEDED -> ":white_check_mark:";
                case FAILED -> ":x:";
                default -> "•";
            };
            lines.add(emoji + " `" + r.id() + "` " + WHEN.format(r.startedAt().get()) + " " + state(r)
                    + (r.outcome().isEmpty() ? "" : " — " + Problems.line(r.outcome(), 300)));
        }
        if (runs.size() > LISTED) {
            lines.add(0, "_" + runs.size() + " in all; the newest " + LISTED + ":_");
        }
        return String.join("\n", lines);
    }

    /**
     * Incidents from the audit log: each {@code incident open} that succeeded, with its duration up to the next
     * {@code incident resolve} (or "still open").
     */
    static String incidents(Week w) {
        if (!w.commandExists().test("incident open")) {
            return "not recorded (this Lifeboat does not track incidents yet)";
        }
        if (w.auditProblem().isPresent()) {
            return "not known: the audit log could not be read (" + w.auditProblem().get() + ")";
        }
        List<AuditEntry> oldestFirst = new ArrayList<>(w.audit());
        oldestFirst.sort(Comparator.comparing(AuditEntry::at));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            AuditEntry open = oldestFirst.get(i);
            if (!isOk(open, "incident open") || !w.within(open.at())) {
                continue;
            }
            Optional<AuditEntry> resolve = oldestFirst.subList(i + 1, oldestFirst.size()).stream()
                    .filter(e -> isOk(e, "incident resolve")).findFirst();
            String summary = open.commandText().substring(Math.min(open.commandText().length(), "incident open".length())).strip();
            lines.add("• " + WHEN.format(open.at()) + " " + (summary.isEmpty() ? "incident" : "“" + Problems.line(summary, 120) + "”")
                    + resolve.map(r -> " — resolved after " + Durations.words(Duration.between(open.at(), r.at())))
                    .orElse(" — still open"));
        }
        return lines.isEmpty() ? "none" : String.join("\n", lines);
    }

    /** Monitor alerts: the audit log's entries by the {@value #MONITOR_ACTOR} actor this week. */
    static String monitorAlerts(Week w) {
        if (w.auditProblem().isPresent()) {
            return "not known: the audit log could not be read (" + w.auditProblem().get() + ")";
        }
        List<AuditEntry> alerts = w.audit().stream().filter(e -> MONITOR_ACTOR.equals(e.actorId()) && w.within(e.at()))
                .sorted(Comparator.comparing(AuditEntry::at)).toList();
        if (alerts.isEmpty()) {
            return "not recorded (no monitor alert is in the audit log this week)";
        }
        return alerts.size() + " alert" + plural(alerts.size()) + ":\n" + alerts.stream().limit(LISTED)
                .map(e -> "• " + WHEN.format(e.at()) + " " + Problems.line(e.commandText()
                        + e.detail().map(d -> ": " + d).orElse(""), 160))
                .collect(Collectors.joining("\n"));
    }

    static String deploys(Week w) {
        StatusFacts f = w.facts();
        List<String> lines = new ArrayList<>();
        if (f.releases().ok()) {
            List<Release> all = f.releases().value().orElseThrow();
            List<Release> week = all.stream().filter(r -> w.within(r.createdAt()))
                    .sorted(Comparator.comparingInt(Release::version)).toList();
            List<Release> rollbacks = week.stream().filter(Digest::isRollback).toList();
            List<Release> failed = week.stream().filter(r -> r.status() == ReleaseStatus.FAILED).toList();
            String atLeast = week.size() == all.size() && all.size() >= RELEASES_READ ? "at least " : "";
            if (week.isEmpty()) {
                lines.add("Heroku releases: none");
            } else {
                lines.add("Heroku releases: " + atLeast + week.size() + " (" + week.get(0).label()
                        + (week.size() > 1 ? " to " + week.get(week.size() - 1).label() : "") + ")"
                        + (failed.isEmpty() ? "" : ", :x: failed: " + listed(failed.stream().map(Release::label).toList())));
            }
            lines.add("Rollbacks: " + (rollbacks.isEmpty() ? "none" : rollbacks.stream().map(r -> r.label() + " "
                    + WHEN.format(r.createdAt()) + " (" + Problems.line(r.description(), 80) + ", by " + r.userEmail() + ")")
                    .collect(Collectors.joining("; "))));
        } else {
            lines.add("Heroku releases: " + gap(f.releases()));
        }
        if (f.deploys().ok()) {
            List<Deploy> all = f.deploys().value().orElseThrow();
            List<Deploy> week = all.stream().filter(d -> Deploy.PRODUCTION.equals(d.context()) && w.within(d.createdAt()))
                    .toList();
            long failed = week.stream().filter(Deploy::isFailed).count();
            String atLeast = all.size() >= DEPLOYS_READ && all.stream().allMatch(d -> w.within(d.createdAt()))
                    ? "at least " : "";
            lines.add("Site deploys (production): " + (week.isEmpty() ? "none" : atLeast + week.size()
                    + (failed == 0 ? "" : ", :x: " + failed + " failed")));
        } else {
            lines.add("Site deploys: " + gap(f.deploys()));
        }
        return String.join("\n", lines);
    }

    /** Runs of every other runbook this week (rollbacks, restarts, site restores…), counted by runbook and state. */
    static String otherRuns(Week w) {
        List<Run> runs = w.runs().stream().filter(r -> r.startedAt().isPresent() && w.within(r.startedAt().get())
                && !r.runbook().equals("drill") && !r.runbook().equals("restore") && !r.runbook().contains("offsite"))
                .toList();
        if (runs.isEmpty()) {
            return "none";
        }
        return runs.stream().collect(Collectors.groupingBy(Run::runbook, java.util.TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> "`" + e.getKey() + "`: " + e.getValue().size() + " (" + tally(e.getValue())
                        + ")").collect(Collectors.joining("\n"));
    }

    private static boolean isRollback(Release r) {
        return r.description().toLowerCase(Locale.ROOT).startsWith("rollback");
    }

    private static boolean isOk(AuditEntry e, String command) {
        String text = e.commandText().toLowerCase(Locale.ROOT);
        return (text.equals(command) || text.startsWith(command + " ")) && e.outcome().equals("ok");
    }

    private static String state(Run r) {
        return switch (r.state()) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
            case RUNNING -> "running";
            case WAITING_FOR_APPROVAL -> "waiting for approval";
            case EXPIRED -> "expired";
            case PROPOSED -> "proposed";
        };
    }

    private static String tally(List<Run> runs) {
        return runs.stream().collect(Collectors.groupingBy(Digest::state, java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String listed(List<String> names) {
        return names.size() <= LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
    }

    private static String gap(Fetched<?> fetched) {
        return fetched.gap() == Fetched.Gap.NOT_CONFIGURED ? fetched.why() : "not known this time (" + fetched.why() + ")";
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
