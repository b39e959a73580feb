package dev.lifeboat.site;

import dev.lifeboat.runbook.RunParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one site run does, as the run's parameters hold it (plain strings, never a secret), so a run resumed after a
 * restart rebuilds the same steps.
 *
 * @param siteId    the Netlify site's API id
 * @param siteName  its name (Netlify's pages are under {@code app.netlify.com/sites/NAME})
 * @param deploy    for a restore: the deploy to publish; empty for a rebuild
 * @param deployText for a restore: the deploy in words ("“Fix footer links” (commit 4a6c8e0)")
 * @param branch    for a rebuild: the branch Netlify builds, when Netlify said
 * @param liveBefore the deploy live when the card was shown, when one was: a way back
 */
record SitePlan(String siteId, String siteName, Optional<String> deploy, Optional<String> deployText,
                Optional<String> branch, Optional<String> liveBefore) {
    static final String SITE_ID = "site-id";
    static final String SITE_NAME = "site-name";
    static final String DEPLOY = "deploy";
    static final String DEPLOY_TEXT = "deploy-text";
    static final String BRANCH = "branch";
    static final String LIVE_BEFORE = "live-before";

    /** One site run at a time: a restore and a rebuild of the same site would race to publish. */
    String lockTarget() {
        return lockTarget(siteId);
    }

    static String lockTarget(String siteId) {
        return "netlify:" + siteId;
    }

    /** "Publish deploy 663b… of lifeboat-www" or "Rebuild lifeboat-www from main". */
    String title() {
        return deploy.map(id -> "Publish deploy " + id + " of " + siteName)
                .orElseGet(() -> "Rebuild " + siteName + branch.map(b -> " from " + b).orElse(""));
    }

    String branchWords() {
        return branch.map(b -> "branch `" + b + "`").orElse("the production branch");
    }

    Map<String, String> toParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(SITE_ID, siteId);
        p.put(SITE_NAME, siteName);
        deploy.ifPresent(v -> p.put(DEPLOY, v));
        deployText.ifPresent(v -> p.put(DEPLOY_TEXT, v));
        branch.ifPresent(v -> p.put(BRANCH, v));
        liveBefore.ifPresent(v -> p.put(LIVE_BEFORE, v));
        return p;
    }

    static SitePlan from(RunParams params) {
        return new SitePlan(params.require(SITE_ID), params.require(SITE_NAME), params.get(DEPLOY),
                params.get(DEPLOY_TEXT), params.get(BRANCH), params.get(LIVE_BEFORE));
    }
}
