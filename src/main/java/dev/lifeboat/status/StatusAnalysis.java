package dev.lifeboat.status;

import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.heroku.Releases;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.DeployHistory;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferSchedule;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.status.StatusReport.NextStep;
import dev.lifeboat.status.StatusReport.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns the facts of one round into the report: a section per system, the verdict, the likely side of the trouble
 * and the next steps. Pure: no I/O, the same facts always give the same report.
 */
public final class StatusAnalysis {
    static final int MAX_INCIDENTS_PER_PLATFORM = 5;
    static final int MAX_TITLE = 150;

    private StatusAnalysis() {
    }

    /** What the analysis learnt beyond the sections, for the diagnosis. */
    private static final class Signals {
        boolean appDown;
        boolean siteDown;
        boolean maintenance;
        boolean allWebCrashed;
        boolean someDynosCrashed;
        Optional<Release> recentRelease = Optional.empty();
        Optional<Release> currentRelease = Optional.empty();
        Optional<String> herokuAppsIncident = Optional.empty();
        boolean herokuGreen;
        Optional<String> netlifyIncident = Optional.empty();
        boolean netlifyGreen;
        List<String> backupProblems = new ArrayList<>();
        boolean backupStale;
        List<Deploy> failedDeploys = List.of();
        List<String> unanswered = new ArrayList<>();
    }

    /**
     * @param facts         what the round found
     * @param commandExists whether a command name is registered (next steps offer only commands that exist)
     */
    public static StatusReport analyse(StatusFacts facts, Predicate<String> commandExists) {
        Signals signals = new Signals();
        List<Section> sections = List.of(
                app(facts, signals),
                database(facts, signals),
                website(facts, signals),
                platforms(facts, signals));
        Verdict verdict = verdict(sections);
        Optional<String> diagnosis = verdict == Verdict.ALL_CLEAR ? Optional.empty() : diagnose(signals);
        return new StatusReport(facts.asOf(), verdict, diagnosis, sections, nextSteps(signals, commandExists));
    }

    /** Collects facts and the worst health contributed; "not configured" only counts when nothing else does. */
    private static final class SectionBuilder {
        private final String name;
        private final String kind;
        private final List<String> facts = new ArrayList<>();
        private Health worst;
        private boolean onlyUnconfigured = true;

        SectionBuilder(String kind) {
            this(kind, Optional.empty());
        }

        /** {@code kind} names the section in the diagnosis ("App"), {@code subject} only in its heading. */
        SectionBuilder(String kind, Optional<String> subject) {
            this.kind = kind;
            this.name = kind + subject.map(s -> " (" + s + ")").orElse("");
        }

        void add(Health health, String fact) {
            facts.add(fact);
            if (health == Health.NOT_CONFIGURED) {
                return;
            }
            onlyUnconfigured = false;
            worst = worst == null || health.ordinal() > worst.ordinal() ? health : worst;
        }

        /** Records a missing fact: "not configured" or unknown, with its reason. */
        void gap(String label, Fetched<?> fetched, Signals signals) {
            if (fetched.gap() == Fetched.Gap.NOT_CONFIGURED) {
                add(Health.NOT_CONFIGURED, label + ": _" + fetched.why() + "_");
            } else {
                add(Health.UNKNOWN, label + ": :grey_question: " + fetched.why());
                signals.unanswered.add(kind + " (" + label + ")");
            }
        }

        Section build() {
            Health health = worst != null ? worst : onlyUnconfigured ? Health.NOT_CONFIGURED : Health.OK;
            return new Section(name, health, facts);
        }
    }

    private static Section app(StatusFacts f, Signals s) {
        SectionBuilder section = new SectionBuilder("App", f.herokuApp());
        if (f.app().ok()) {
            HerokuApp app = f.app().value().orElseThrow();
            if (app.maintenance()) {
                s.maintenance = true;
                section.add(Health.WARNING, ":construction: *Maintenance mode is on*: Heroku answers 503 to every visitor");
            } else {
                section.add(Health.OK, "Maintenance mode off");
            }
        } else {
            section.gap("Heroku app", f.app(), s);
        }
        if (f.dynos().ok()) {
            List<Dyno> dynos = f.dynos().value().orElseThrow();
            if (dynos.isEmpty()) {
                section.add(Health.WARNING, "Dynos: none running (scaled to zero?)");
            } else {
                Map<String, List<Dyno>> byType = dynos.stream().collect(Collectors.groupingBy(Dyno::type,
                        LinkedHashMap::new, Collectors.toList()));
                List<String> lines = new ArrayList<>();
                Health worst = Health.OK;
                for (Map.Entry<String, List<Dyno>> type : byType.entrySet()) {
                    List<Dyno> list = type.getValue();
                    long up = list.stream().filter(d -> d.state() == DynoState.UP || d.state() == DynoState.IDLE).count();
                    long crashed = list.stream().filter(d -> d.state() == DynoState.CRASHED).count();
                    String others = list.stream().filter(d -> d.state() != DynoState.UP && d.state() != DynoState.IDLE)
                            .collect(Collectors.groupingBy(d -> d.state().name().toLowerCase(java.util.Locale.ROOT),
                                    java.util.TreeMap::new, Collectors.counting()))
                            .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
                    lines.add("`" + type.getKey() + "` " + up + "/" + list.size() + " up" + (others.isEmpty() ? "" : " (" + others + ")"));
                    if (crashed > 0) {
                        s.someDynosCrashed = true;
                        worst = Health.WARNING;
                    }
                    if (type.getKey().equals("web") && up == 0) {
                        s.allWebCrashed = crashed > 0;
                        worst = Health.DOWN;
                    }
                }
                section.add(worst, "Dynos: " + String.join(", ", lines));
            }
        } else {
            section.gap("Dynos", f.dynos(), s);
        }
        if (f.releases().ok()) {
            Optional<Release> current = Releases.current(f.releases().value().orElseThrow());
            s.currentRelease = current;
            current.ifPresent(r -> {
                if (r.createdAt() != null && Duration.between(r.createdAt(), f.asOf()).compareTo(Duration.ofHours(2)) < 0) {
                    s.recentRelease = Optional.of(r);
                }
                section.add(Health.OK, "Release *" + r.label() + "* " + Ages.ago(f.asOf(), r.createdAt()) + " by "
                        + r.userEmail() + " — " + escape(cut(r.description() == null ? "" : r.description(), 120)));
            });
        } else {
            section.gap("Releases", f.releases(), s);
        }
        if (f.appProbe().ok()) {
            ProbeResult probe = f.appProbe().value().orElseThrow();
            s.appDown = !probe.up();
            section.add(probe.up() ? (probe.latency().toMillis() > 2_000 ? Health.WARNING : Health.OK) : Health.DOWN,
                    "Health check " + link(probe.url().toString()) + " → " + probe.describe());
        } else {
            section.gap("Health check", f.appProbe(), s);
        }
        return section.build();
    }

    private static Section database(StatusFacts f, Signals s) {
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
                        section.add(Health.WARNING, ":warning: Newest backup *" + b.name() + "* has no offsite copy");
                    } else if (match.get().size() != b.processedBytes()) {
                        s.backupProblems.add("the offsite copy of " + b.name() + " has the wrong size");
                        section.add(Health.WARNING, ":warning: The offsite copy of *" + b.name() + "* is "
                                + Transfers.humanBytes(match.get().size()) + ", the backup "
                                + Transfers.humanBytes(b.processedBytes()));
                    } else {
                        section.add(Health.OK, "It matches the newest backup *" + b.name() + "*");
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

    private static Section website(StatusFacts f, Signals s) {
        SectionBuilder section = new SectionBuilder("Website", f.site().value().map(Site::name));
        if (f.site().ok() && f.deploys().ok()) {
            Site site = f.site().value().orElseThrow();
            DeployHistory history = new DeployHistory(site, f.deploys().value().orElseThrow());
            Optional<Deploy> published = history.published();
            if (published.isPresent()) {
                Deploy d = published.get();
                section.add(d.isReady() ? Health.OK : Health.WARNING, "Published deploy `" + shortId(d.id()) + "` ("
                        + d.state().name().toLowerCase(java.util.Locale.ROOT) + ") " + Ages.ago(f.asOf(),
                        d.publishedAt() != null ? d.publishedAt() : d.createdAt()) + describeDeploy(d));
            } else {
                section.add(Health.WARNING, ":warning: No published deploy");
            }
            s.failedDeploys = history.failedSincePublished();
            if (!s.failedDeploys.isEmpty()) {
                Deploy failed = s.failedDeploys.get(0);
                section.add(Health.WARNING, ":x: " + s.failedDeploys.size() + (s.failedDeploys.size() == 1 ? " newer deploy" : " newer deploys")
                        + " failed; latest `" + shortId(failed.id()) + "` " + Ages.ago(f.asOf(), failed.createdAt())
                        + describeDeploy(failed) + (failed.errorMessage() == null ? "" : ": " + escape(cut(failed.errorMessage(), 200))));
            }
        } else {
            section.gap("Netlify", f.site().ok() ? f.deploys() : f.site(), s);
        }
        if (f.siteProbe().ok()) {
            ProbeResult probe = f.siteProbe().value().orElseThrow();
            s.siteDown = !probe.up();
            section.add(probe.up() ? (probe.latency().toMillis() > 2_000 ? Health.WARNING : Health.OK) : Health.DOWN,
                    "Site " + link(probe.url().toString()) + " → " + probe.describe());
        } else {
            section.gap("Site check", f.siteProbe(), s);
        }
        return section.build();
    }

    private static Section platforms(StatusFacts f, Signals s) {
        SectionBuilder section = new SectionBuilder("Platforms");
        platform(section, "Heroku", f.herokuStatus(), s);
        platform(section, "Netlify", f.netlifyStatus(), s);
        return section.build();
    }

    private static void platform(SectionBuilder section, String name, Fetched<PlatformStatus> fetched, Signals s) {
        if (!fetched.ok()) {
            section.gap(name, fetched, s);
            return;
        }
        PlatformStatus status = fetched.value().orElseThrow();
        Health health = switch (status.level()) {
            case OPERATIONAL -> Health.OK;
            case DEGRADED -> Health.WARNING;
            case OUTAGE -> Health.DOWN;
        };
        StringBuilder line = new StringBuilder("*").append(name).append("*: ");
        if (name.equals("Heroku")) {
            line.append(status.systems().stream()
                    .map(sys -> sys.name() + " " + (sys.level() == PlatformStatus.Level.OPERATIONAL ? "green" : sys.detail()))
                    .collect(Collectors.joining(", ")));
            s.herokuGreen = status.level() == PlatformStatus.Level.OPERATIONAL && status.incidents().isEmpty();
            if (status.systemAffected("Apps")) {
                s.herokuAppsIncident = Optional.of(status.incidents().isEmpty() ? "Apps " + status.summary()
                        : status.incidents().get(0).title());
            }
        } else {
            line.append(escape(status.summary()));
            s.netlifyGreen = status.level() == PlatformStatus.Level.OPERATIONAL && status.incidents().isEmpty();
            if (status.level() != PlatformStatus.Level.OPERATIONAL || !status.incidents().isEmpty()) {
                s.netlifyIncident = Optional.of(status.incidents().isEmpty() ? status.summary() : status.incidents().get(0).title());
            }
        }
        List<PlatformStatus.Incident> incidents = status.incidents();
        for (PlatformStatus.Incident incident : incidents.subList(0, Math.min(MAX_INCIDENTS_PER_PLATFORM, incidents.size()))) {
            String title = escape(cut(incident.title(), MAX_TITLE));
            line.append("\n• ").append(incident.url() == null ? title : "<" + incident.url() + "|" + title + ">")
                    .append(" _(").append(incident.status()).append(")_");
        }
        if (incidents.size() > MAX_INCIDENTS_PER_PLATFORM) {
            line.append("\n• … and ").append(incidents.size() - MAX_INCIDENTS_PER_PLATFORM)
                    .append(" more open incidents on <").append(status.pageUrl()).append("|the status page>");
        }
        section.add(incidents.isEmpty() ? health : (health == Health.OK ? Health.WARNING : health), line.toString());
    }

    private static Verdict verdict(List<Section> sections) {
        boolean down = sections.stream().limit(3).anyMatch(sec -> sec.health() == Health.DOWN);
        if (down) {
            return Verdict.DOWN;
        }
        boolean degraded = sections.stream().anyMatch(sec -> sec.health() == Health.WARNING
                || sec.health() == Health.UNKNOWN || sec.health() == Health.DOWN);
        return degraded ? Verdict.DEGRADED : Verdict.ALL_CLEAR;
    }

    private static Optional<String> diagnose(Signals s) {
        if (s.appDown) {
            if (s.herokuAppsIncident.isPresent()) {
                return Optional.of("*Likely the platform:* the app does not answer and Heroku reports an incident ("
                        + escape(cut(s.herokuAppsIncident.get(), MAX_TITLE)) + "). Restarting or rolling back will not help; follow the incident.");
            }
            if (s.maintenance) {
                return Optional.of("*Maintenance mode is on*, so Heroku answers 503 on purpose. Turn it off when the work is done.");
            }
            if (s.allWebCrashed) {
                return Optional.of("*Likely ours:* every web dyno has crashed while Heroku is " + (s.herokuGreen ? "green" : "not reporting an Apps incident")
                        + ". Check the logs" + s.currentRelease.map(r -> "; release " + r.label() + " (" + r.userEmail() + ") is the current one").orElse("")
                        + ", then restart or roll back.");
            }
            return Optional.of("*Likely ours:* the app does not answer while Heroku reports no Apps incident"
                    + s.recentRelease.map(r -> "; release " + r.label() + " went out recently").orElse("") + ". Check the logs.");
        }
        if (s.siteDown) {
            if (s.netlifyIncident.isPresent()) {
                return Optional.of("*Likely the platform:* the website does not answer and Netlify reports: "
                        + escape(cut(s.netlifyIncident.get(), MAX_TITLE)) + ".");
            }
            return Optional.of("*Likely ours:* the website does not answer while Netlify is green"
                    + (s.failedDeploys.isEmpty() ? "." : "; a newer deploy failed. Publish the last good deploy."));
        }
        if (s.allWebCrashed || s.someDynosCrashed) {
            return Optional.of("Some dynos have crashed; the app still answers. Check the logs.");
        }
        if (!s.backupProblems.isEmpty()) {
            return Optional.of("*Backups need attention:* " + String.join("; ", s.backupProblems) + ".");
        }
        if (!s.failedDeploys.isEmpty()) {
            return Optional.of("A newer website deploy failed; the published one still serves.");
        }
        if (s.herokuAppsIncident.isPresent() || s.netlifyIncident.isPresent()) {
            return Optional.of("A platform reports an incident; our app and site answer normally.");
        }
        if (!s.unanswered.isEmpty()) {
            return Optional.of("Some checks did not answer: " + String.join(", ", s.unanswered) + ". The rest looks fine.");
        }
        if (s.maintenance) {
            return Optional.of("Maintenance mode is on.");
        }
        return Optional.empty();
    }

    private static List<NextStep> nextSteps(Signals s, Predicate<String> exists) {
        List<NextStep> steps = new ArrayList<>();
        boolean ours = s.appDown && s.herokuAppsIncident.isEmpty() && !s.maintenance;
        if (ours || s.someDynosCrashed) {
            offer(steps, exists, "logs", "Show logs", "logs", false);
        }
        if (ours && s.allWebCrashed || s.someDynosCrashed) {
            offer(steps, exists, "restart", "Restart web dynos", "restart web", true);
        }
        if (ours && s.currentRelease.isPresent()) {
            offer(steps, exists, "rollback", "Roll back", "rollback", true);
        }
        if (s.maintenance) {
            offer(steps, exists, "maintenance", "Turn maintenance off", "maintenance off", true);
        }
        if (!s.backupProblems.isEmpty()) {
            offer(steps, exists, "backups", "Show backups", "backups", false);
        }
        if (s.backupStale) {
            offer(steps, exists, "backup", "Back up now", "backup", true);
        }
        if (s.siteDown && s.netlifyIncident.isEmpty() || !s.failedDeploys.isEmpty()) {
            offer(steps, exists, "site restore", "Restore the site", "site restore", true);
        }
        return steps;
    }

    private static void offer(List<NextStep> steps, Predicate<String> exists, String name, String label, String command,
                              boolean danger) {
        if (exists.test(name)) {
            steps.add(new NextStep(label, command, danger));
        }
    }

    private static String kindLabel(Transfer t) {
        return switch (t.kind()) {
            case BACKUP -> "Backup";
            case RESTORE -> "Restore";
            case COPY -> "Copy";
            default -> "Transfer";
        };
    }

    private static String describeDeploy(Deploy d) {
        String what = d.title() != null && !d.title().isBlank() ? d.title()
                : d.commitRef() != null ? d.commitRef().substring(0, Math.min(7, d.commitRef().length())) : "";
        return what.isEmpty() ? "" : " — " + escape(cut(what, 100));
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }

    private static String link(String url) {
        String shown = dev.lifeboat.config.Redact.url(url);
        return "<" + shown + "|" + shown + ">";
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
