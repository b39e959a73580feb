package dev.lifeboat.restore;

import dev.lifeboat.transfers.TransferFollow;
import dev.lifeboat.app.Failures;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferKind;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks Heroku to restore the source into the target database: one POST, whose transfer is recorded at once. Run
 * again, it finds the recorded transfer (or the one an earlier attempt started but could not record) and never
 * POSTs a second time. The source's URL (a backup's storage URL, a presigned offsite URL) is made here and goes
 * only to Heroku.
 */
final class StartRestore extends NamedStep {
    static final String TRANSFER = "transfer";
    static final String NAME = "name";
    static final String ASKED_AT = "asked-at";

    private final RestoreParts parts;
    private final RestorePlan plan;
    private final Source source;

    StartRestore(RestoreParts parts, RestorePlan plan, Source source, String id) {
        super(id, "Start restoring " + source.label() + " into " + plan.app() + "'s database",
                parts.timings.callTimeout());
        this.parts = parts;
        this.plan = plan;
        this.source = source;
    }

    @Override
    public StepOutcome run(StepContext context) {
        PgBackups backups = parts.backups();
        try {
            Optional<String> recorded = context.recorded(TRANSFER);
            if (recorded.isPresent()) {
                Transfer t = backups.transfer(plan.app(), recorded.get());
                return StepOutcome.succeeded(t.name() + " started at Heroku (" + t.statusText() + ")");
            }
            Optional<Instant> asked = context.recorded(ASKED_AT).map(Instant::parse);
            Optional<Transfer> earlier = asked.flatMap(at ->
                    TransferFollow.startedSince(backups, plan.app(), TransferKind.RESTORE, at));
            if (earlier.isPresent()) {
                return started(context, earlier.get());
            }
            Optional<URI> url = url(context);
            if (url.isEmpty()) {
                return StepOutcome.failed(SignedUrls.LOST);
            }
            String addonId = Preflight.addonId(parts, context, plan.app());
            context.record(ASKED_AT, context.now().toString());
            StepOutcome started = started(context, backups.restore(addonId, url.get()));
            parts.signedUrls.forget(context.runId());
            return started;
        } catch (UpstreamException e) {
            return Failures.of(e, "starting the restore of " + source.label() + " into " + plan.app());
        }
    }

    private StepOutcome started(StepContext context, Transfer transfer) {
        context.record(TRANSFER, transfer.uuid());
        context.record(NAME, transfer.name());
        return StepOutcome.succeeded(transfer.name() + " started at Heroku");
    }

    /** Where Heroku reads the dump. Never recorded, shown or logged. */
    private Optional<URI> url(StepContext context) {
        if (source instanceof Source.HerokuBackup b) {
            return Optional.of(URI.create(parts.backups().transferNamed(plan.origin(), b.name()).toUrl()));
        }
        if (source instanceof Source.Offsite o) {
            return Optional.of(parts.offsite().presignGet(o.key(), parts.timings.presignFor()).revealUrl());
        }
        Source.Url u = (Source.Url) source;
        return u.kept().or(() -> parts.signedUrls.find(context.runId()));
    }
}
