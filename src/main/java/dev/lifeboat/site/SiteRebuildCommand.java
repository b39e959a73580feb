package dev.lifeboat.site;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.netlify.BuildSettings;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code site rebuild}: the plan's "re-deploy site from GitHub". Proposes a production build of the site's branch
 * and answers its card, privately; nothing changes until the card is confirmed.
 */
final class SiteRebuildCommand implements CommandHandler {
    private static final CommandSpec SPEC = CommandSpec.changes("site rebuild", "",
            "build the website again from its Git branch on Netlify and follow the build until it is live (or show"
                    + " Netlify's error and the build log); a card first, nothing changes before you confirm");

    private final SiteParts parts;
    private final RunEngine engine;
    private final RunStore store;
    private final Clock clock;

    @Inject
    SiteRebuildCommand(SiteParts parts, RunEngine engine, RunStore store, Clock clock) {
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
        if (!invocation.args().isEmpty()) {
            throw new UsageException("`site rebuild` takes no words: it builds the branch Netlify deploys to"
                    + " production.");
        }
        if (!parts.hasNetlify()) {
            return Reply.text(":warning: Rebuilding the site needs Netlify: set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID.");
        }
        Site site = parts.netlify().site();
        Optional<Reply> busy = SiteBusy.refusal(store, site.id(), site.name());
        if (busy.isPresent()) {
            return busy.get();
        }
        BuildSettings build = site.buildSettings();
        if (build != null && build.stopped()) {
            throw new UsageException("Builds are stopped for " + site.name() + " on Netlify, so a build would not run."
                    + " Turn them on under Site configuration › Build & deploy › Build settings, or publish an earlier"
                    + " deploy with `/dr site restore`.");
        }
        Optional<String> branch = Optional.ofNullable(build).map(BuildSettings::repoBranch).filter(b -> !b.isBlank());
        Optional<Deploy> live = Optional.ofNullable(site.publishedDeploy()).filter(d -> d.id() != null);
        SitePlan plan = new SitePlan(site.id(), site.name(), Optional.empty(), Optional.empty(), branch,
                live.map(Deploy::id));
        Run run = engine.propose(SiteRebuildRunbook.NAME, plan.title(), plan.lockTarget(),
                RunParams.of(plan.toParams()), invocation.actor().id());
        return SiteCard.rebuild(run, plan, site, live, clock.instant());
    }
}
