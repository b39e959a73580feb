package dev.lifeboat.restore;

import dev.lifeboat.app.Failures;
import dev.lifeboat.heroku.HerokuApp;
import dev.lifeboat.heroku.PostgresAddon;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.pgbackups.Transfers;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatusSource;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.s3.OffsiteCopy;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks before anything changes: each source exists and can be restored (a Heroku backup that succeeded, an
 * offsite copy that is there, a URL this instance holds), the target database is found, and what Heroku's status
 * page says. Records the database's add-on and whether maintenance mode was already on. Only reads.
 */
final class Preflight extends NamedStep {
    static final String ID = "preflight";
    static final String ADDON_ID = "addon-id";
    static final String ADDON_NAME = "addon-name";
    static final String MAINTENANCE_BEFORE = "maintenance-before";

    private final RestoreParts parts;
    private final RestorePlan plan;
    private final List<Source> sources;

    Preflight(RestoreParts parts, RestorePlan plan, List<Source> sources) {
        super(ID, "Preflight: the backup can be restored and " + plan.app() + "'s database is found",
                parts.timings.callTimeout());
        this.parts = parts;
        this.plan = plan;
        this.sources = List.copyOf(sources);
    }

    @Override
    public StepOutcome run(StepContext context) {
        List<String> notes = new ArrayList<>();
        try {
            for (Source source : sources) {
                String problem = check(source, context, notes);
                if (problem != null) {
                    return StepOutcome.failed(problem + " Nothing was changed.");
                }
            }
            HerokuApp app = parts.heroku().app(plan.app());
            PostgresAddon addon = parts.heroku().resolveDatabase(plan.app());
            context.record(ADDON_ID, addon.id());
            context.record(ADDON_NAME, addon.name());
            context.record(MAINTENANCE_BEFORE, app.maintenance() ? "on" : "off");
            notes.add(plan.app() + "'s database " + addon.name() + (app.maintenance() ? " (maintenance already on)" : ""));
        } catch (UpstreamException e) {
            return Failures.of(e, "checking " + plan.app() + " and the backup");
        }
        notes.add(platformStatus());
        return StepOutcome.succeeded(String.join("; ", notes));
    }

    /** The add-on id preflight recorded; asked of Heroku again only when it is missing. */
    static String addonId(RestoreParts parts, StepContext context, String app) {
        return context.recordedBy(ID, ADDON_ID).orElseGet(() -> parts.heroku().resolveDatabase(app).id());
    }

    /** Null when the source can be restored; otherwise why not. */
    private String check(Source source, StepContext context, List<String> notes) {
        if (source instanceof Source.HerokuBackup b) {
            Transfer t = parts.backups().transferNamed(plan.origin(), b.name());
            if (t.kind() != TransferKind.BACKUP) {
                return b.name() + " is not a backup of " + plan.origin() + ".";
            }
            if (t.status() != TransferStatus.COMPLETED) {
                return b.name() + " cannot be restored: it " + (t.isFinished() ? "did not succeed ("
                        + t.statusText() + ")" : "has not finished") + ".";
            }
            notes.add(t.name() + " succeeded (" + Transfers.humanBytes(t.processedBytes()) + ")");
        } else if (source instanceof Source.Offsite o) {
            OffsiteCopy copy = parts.offsite().head(o.key());
            if (copy.size() <= 0) {
                return "The offsite copy s3://" + parts.offsite().bucket() + "/" + o.key() + " is empty.";
            }
            notes.add("offsite copy " + copy.fileName() + " is there (" + Transfers.humanBytes(copy.size()) + ")");
        } else if (source instanceof Source.Url u) {
            if (u.kept().isEmpty() && parts.signedUrls.find(context.runId()).isEmpty()) {
                return SignedUrls.LOST;
            }
            notes.add("dump at " + u.shown());
        }
        return null;
    }

    /** What Heroku's status page says; noted, never a reason to stop (the restore may be the way out). */
    private String platformStatus() {
        for (PlatformStatusSource source : parts.platforms) {
            if (!source.platform().equalsIgnoreCase("Heroku")) {
                continue;
            }
            try {
                PlatformStatus status = source.current();
                if (status.level() == PlatformStatus.Level.OPERATIONAL) {
                    return "Heroku reports no incident";
                }
                String incident = status.incidents().isEmpty() ? status.summary() : status.incidents().get(0).title();
                return "Heroku reports " + status.level().name().toLowerCase(java.util.Locale.ROOT) + ": " + incident;
            } catch (RuntimeException e) {
                return "Heroku's status page did not answer";
            }
        }
        return "Heroku's status is not checked here";
    }
}
