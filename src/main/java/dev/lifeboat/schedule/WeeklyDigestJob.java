package dev.lifeboat.schedule;

import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.AuditLog;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.config.Redact;
import dev.lifeboat.config.ScheduleSettings;
import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.status.StatusService;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every week: the {@link Digest} of the seven days before now, posted in the channel as one message. */
final class WeeklyDigestJob implements ScheduledJob {
    static final String NAME = "weekly";
    static final Duration WEEK = Duration.ofDays(7);
    /** How much of the store and the log a digest reads: plenty for a week. */
    static final int RUNS_READ = 500;
    static final int AUDIT_READ = 2000;

    private final Cadence cadence;
    private final StatusService status;
    private final RunStore runs;
    private final AuditLog audit;
    private final Provider<CommandRegistry> commands;
    private final Announcer announcer;
    private final Clock clock;

    @Inject
    WeeklyDigestJob(ScheduleSettings settings, StatusService status, RunStore runs, AuditLog audit,
                    Provider<CommandRegistry> commands, Announcer announcer, Clock clock) {
        this.cadence = Cadence.weekly(settings.weeklyDay(), settings.weeklyAt());
        this.status = status;
        this.runs = runs;
        this.audit = audit;
        this.commands = commands;
        this.announcer = announcer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String purpose() {
        return "the weekly digest: backups and their copies, drills, incidents, monitor alerts, deploys and rollbacks";
    }

    @Override
    public Cadence cadence() {
        return cadence;
    }

    @Override
    public JobResult run(Instant due) {
        Reply digest = digest();
        Announcer.Delivery delivery = announcer.announce(digest);
        if (!delivery.delivered()) {
            return JobResult.failed("the digest was not delivered: " + delivery.detail());
        }
        return JobResult.ok("Digest posted to " + delivery.detail() + ".");
    }

    /** The digest of the seven days up to now. */
    Reply digest() {
        Instant now = clock.instant();
        List<Run> recent = runs.recent(RUNS_READ);
        List<AuditEntry> entries = List.of();
        Optional<String> auditProblem = Optional.empty();
        try {
            entries = audit.recent(AUDIT_READ);
        } catch (RuntimeException e) {
            auditProblem = Optional.of(Redact.text(String.valueOf(e.getMessage())));
        }
        return Digest.build(new Digest.Week(now.minus(WEEK), now, status.facts(), recent, entries, auditProblem,
                command -> commands.get().find(CommandRegistry.words(command)).filter(m -> m.args().isEmpty()).isPresent()));
    }
}
