package dev.lifeboat.schedule;

import dev.lifeboat.config.ScheduleSettings;
import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.status.StatusFacts;
import dev.lifeboat.status.StatusService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Every day: the backup freshness check (newest backup and newest offsite copy within
 * {@code LIFEBOAT_BACKUP_MAX_AGE_HOURS}; a warning in the channel when not, or when it could not be checked), then the
 * offsite copy of new backups and retention ({@code backup offsite}, started as its runbook when this Lifeboat has
 * it). Freshness is checked first, so the warning tells the state the copy is about to mend.
 */
final class DailyJob implements ScheduledJob {
    static final String NAME = "daily";
    static final String OFFSITE_COMMAND = "backup offsite";

    private final Cadence cadence;
    private final StatusService status;
    private final CommandRuns runs;
    private final Announcer announcer;

    @Inject
    DailyJob(ScheduleSettings settings, StatusService status, CommandRuns runs, Announcer announcer) {
        this.cadence = Cadence.daily(settings.dailyAt());
        this.status = status;
        this.runs = runs;
        this.announcer = announcer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String purpose() {
        return "offsite copy of new backups and retention; backup freshness check";
    }

    @Override
    public Cadence cadence() {
        return cadence;
    }

    @Override
    public JobResult run(Instant due) {
        StatusFacts facts = status.facts();
        Freshness.Result fresh = Freshness.check(facts);
        Optional<String> runId = Optional.empty();
        String offsite;
        CommandRuns.Started started = runs.start(OFFSITE_COMMAND);
        if (started instanceof CommandRuns.Running running) {
            runId = Optional.of(running.run().id());
            offsite = "offsite copy started (run " + running.run().id() + ")";
        } else if (started instanceof CommandRuns.NotStarted not) {
            offsite = "offsite copy not started: " + not.why();
        } else {
            offsite = "offsite copy not available (this Lifeboat has no `/dr " + OFFSITE_COMMAND + "`)";
        }
        String detail = "Freshness: " + fresh.summary() + ". " + capitalised(offsite) + ".";
        if (fresh.verdict() == Freshness.Verdict.FRESH) {
            return JobResult.ok(detail).withRun(runId);
        }
        String max = facts.maxBackupAge().toHours() + " h (LIFEBOAT_BACKUP_MAX_AGE_HOURS)";
        Reply.Builder warning;
        if (fresh.verdict() == Freshness.Verdict.STALE) {
            warning = Reply.builder("Backups are not fresh").section(":warning: *Backups are not fresh*: "
                    + String.join("; ", fresh.problems()) + ". Max age " + max + ".");
        } else {
            warning = Reply.builder("Backup freshness could not be checked").section(":grey_question: *Backup "
                    + "freshness could not be checked*: " + String.join("; ", fresh.unknown()) + ".");
        }
        if (!fresh.facts().isEmpty()) {
            warning.section(capitalised(String.join("; ", fresh.facts())) + ".");
        }
        Announcer.Delivery delivery = announcer.announce(warning.context(capitalised(offsite)
                + " · the daily check · `/dr backups` for details").build());
        return JobResult.warning(detail + (delivery.delivered() ? "" : " Warning not delivered: "
                + delivery.detail() + ".")).withRun(runId);
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
