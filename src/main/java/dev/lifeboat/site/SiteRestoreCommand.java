package dev.lifeboat.site;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.PathId;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.DeployHistory;
import dev.lifeboat.netlify.NetlifyException;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code site restore [DEPLOY]}: proposes publishing an earlier Netlify deploy and answers its card, privately. The
 * default target is the newest ready production deploy older than the live one. Nothing changes until the card is
 * confirmed.
 */
final class SiteRestoreCommand implements CommandHandler {
    /** How many of the newest deploys the card looks through. */
    static final int PAGE = 30;
    private static final CommandSpec SPEC = CommandSpec.changes("site restore", "[DEPLOY]",
            "publish an earlier Netlify deploy of the website again (default: the newest good one before the live one),"
                    + " wait until it is live and check the site; a card first, nothing changes before you confirm");

    private final SiteParts parts;
    private final RunEngine engine;
    private final RunStore store;
    private final Clock clock;

    @Inject
    SiteRestoreCommand(SiteParts parts, RunEngine engine, RunStore store, Clock clock) {
        this.parts = parts;
        this.engine = engine;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(Invocation invocation) {
        if (invocation.args().size() > 1) {
            throw new UsageException("Give one deploy id at most (`/dr status` shows the live one).");
        }
        if (!parts.hasNetlify()) {
            return Reply.text(":warning: Restoring the site needs Netlify: set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID.");
        }
        Optional<String> given = invocation.arg(0);
        given.ifPresent(id -> PathId.require(PathId.Kind.NETLIFY_DEPLOY, id));
        NetlifySite netlify = parts.netlify();
        DeployHistory history = netlify.history(PAGE);
        String siteId = history.site().id();
        String siteName = history.site().name();
        Optional<Reply> busy = SiteBusy.refusal(store, siteId, siteName);
        if (busy.isPresent()) {
            return busy.get();
        }
        Optional<Deploy> live = history.published();
        Deploy target = given.map(id -> chosen(netlify, history, id, live))
                .orElseGet(() -> history.restoreTarget().orElseThrow(() -> new UsageException(
                        "There is no earlier deploy of " + siteName + " to publish: none of the newest " + PAGE
                                + " production deploys older than the live one is ready. Name one with"
                                + " `/dr site restore DEPLOY`, or rebuild with `/dr site rebuild`.")));
        SitePlan plan = new SitePlan(siteId, siteName, Optional.of(target.id()), Optional.of(DeployText.brief(target)),
                Optional.empty(), live.map(Deploy::id));
        Run run = engine.propose(SiteRestoreRunbook.NAME, plan.title(), plan.lockTarget(), RunParams.of(plan.toParams()),
                invocation.actor().id());
        return SiteCard.restore(run, plan, live, target, clock.instant());
    }

    /** The named deploy, when it can be published; otherwise the reason it cannot. */
    private Deploy chosen(NetlifySite netlify, DeployHistory history, String id, Optional<Deploy> live) {
        String siteName = history.site().name();
        Deploy deploy = history.deploys().stream().filter(d -> id.equals(d.id())).findFirst().orElseGet(() -> {
            try {
                return netlify.deploy(id);
            } catch (NetlifyException e) {
                if (e.failure() == Failure.NOT_FOUND) {
                    throw new UsageException("Netlify has no deploy `" + id + "` on " + siteName + "." + candidates(
                            history, live));
                }
                throw e;
            }
        });
        if (live.isPresent() && live.get().id().equals(deploy.id())) {
            throw new UsageException("Deploy `" + id + "` " + DeployText.brief(deploy) + " is already live on "
                    + siteName + "; nothing to publish." + candidates(history, live));
        }
        if (!deploy.isReady()) {
            String why = deploy.errorMessage() == null || deploy.errorMessage().isBlank() ? ""
                    : " (Netlify: " + dev.lifeboat.config.Redact.text(deploy.errorMessage()).strip() + ")";
            throw new UsageException("Deploy `" + id + "` cannot be published: it is `" + deploy.state().json() + "`"
                    + why + ", and only a deploy in state `ready` can be." + candidates(history, live));
        }
        if (!deploy.isProduction()) {
            throw new UsageException("Deploy `" + id + "` is a " + deploy.context() + (deploy.branch() == null ? ""
                    : " of branch `" + deploy.branch() + "`") + ", not a production deploy: publishing it would put"
                    + " unreviewed work live." + candidates(history, live));
        }
        return deploy;
    }

    /** " Deploys that can be published: `id` “title” (built 2 d ago), …" — or nothing. */
    private String candidates(DeployHistory history, Optional<Deploy> live) {
        List<Deploy> ready = history.deploys().stream()
                .filter(Deploy::isReady).filter(Deploy::isProduction)
                .filter(d -> live.map(l -> !l.id().equals(d.id())).orElse(true))
                .limit(5).toList();
        if (ready.isEmpty()) {
            return "";
        }
        return " Deploys that can be published: " + ready.stream()
                .map(d -> "`" + d.id() + "` " + DeployText.title(d) + " (" + DeployText.built(d, clock.instant()) + ")")
                .collect(Collectors.joining(", ")) + ".";
    }
}
