package dev.lifeboat.status;

import static dev.lifeboat.status.Mrkdwn.cut;
import static dev.lifeboat.status.Mrkdwn.escape;
import static dev.lifeboat.status.Mrkdwn.link;
import static dev.lifeboat.status.Mrkdwn.shortId;

import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.DeployHistory;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.probe.ProbeResult;
import java.util.Optional;

/** The website on Netlify: the published deploy, failed newer deploys and the site check. */
final class WebsiteSection {
    private WebsiteSection() {
    }

    static Section build(StatusFacts f, Signals s) {
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
            s.siteUp = probe.up();
            if (probe.up() && probe.latency().compareTo(AppSection.SLOW) > 0) {
                s.siteSlow = Optional.of(probe.latency());
            }
            section.add(AppSection.probeHealth(probe), "Site " + link(probe.url().toString()) + " → " + probe.describe());
        } else {
            section.gap("Site check", f.siteProbe(), s);
        }
        return section.build();
    }

    private static String describeDeploy(Deploy d) {
        String what = d.title() != null && !d.title().isBlank() ? d.title()
                : d.commitRef() != null ? d.commitRef().substring(0, Math.min(7, d.commitRef().length())) : "";
        return what.isEmpty() ? "" : " — " + escape(cut(what, 100));
    }
}
