package dev.lifeboat.redeploy;

import dev.lifeboat.github.Commit;
import dev.lifeboat.runbook.RunParams;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one redeploy does, as the run's parameters hold it (plain strings, never a secret), so a run resumed after a
 * restart rebuilds the same steps.
 *
 * @param app        the app to build and release
 * @param repo       {@code owner/name}
 * @param ref        what was asked for: a branch, tag or commit
 * @param sha        the commit it resolved to when the card was shown: what is built, whatever the ref says later
 * @param subject    the commit message's first line
 * @param author     the commit's author
 * @param authoredAt when it was authored, when GitHub said
 * @param running    the release running when the card was shown ({@code v42}), when known
 */
record RedeployPlan(String app, String repo, String ref, String sha, String subject, String author,
                    Optional<Instant> authoredAt, Optional<String> running) {
    static final String APP = "app";
    static final String REPO = "repo";
    static final String REF = "ref";
    static final String SHA = "sha";
    static final String SUBJECT = "subject";
    static final String AUTHOR = "author";
    static final String AUTHORED_AT = "authored-at";
    static final String RUNNING = "running-release";

    static RedeployPlan of(String app, String repo, String ref, Commit commit, Optional<String> running) {
        return new RedeployPlan(app, repo, ref, commit.sha(), commit.subject(), commit.authorName(),
                commit.authoredAt(), running);
    }

    /** What the run holds while it runs: one change to an app at a time (rollbacks, restarts, maintenance too). */
    String lockTarget() {
        return lockTarget(app);
    }

    static String lockTarget(String app) {
        return "app:" + app;
    }

    String shortSha() {
        return sha.substring(0, 7);
    }

    /** "Redeploy acme-prod from main (e57f0b3)". */
    String title() {
        return "Redeploy " + app + " from " + (ref.equals(sha) || sha.startsWith(ref) ? shortSha()
                : ref + " (" + shortSha() + ")");
    }

    Map<String, String> toParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(APP, app);
        p.put(REPO, repo);
        p.put(REF, ref);
        p.put(SHA, sha);
        p.put(SUBJECT, subject);
        p.put(AUTHOR, author);
        authoredAt.ifPresent(at -> p.put(AUTHORED_AT, at.toString()));
        running.ifPresent(v -> p.put(RUNNING, v));
        return p;
    }

    static RedeployPlan from(RunParams params) {
        return new RedeployPlan(params.require(APP), params.require(REPO), params.require(REF), params.require(SHA),
                params.get(SUBJECT).orElse(""), params.get(AUTHOR).orElse("unknown"),
                params.get(AUTHORED_AT).map(Instant::parse), params.get(RUNNING));
    }
}
