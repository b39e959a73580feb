package dev.lifeboat.status;

import static dev.lifeboat.status.Mrkdwn.cut;
import static dev.lifeboat.status.Mrkdwn.escape;

import dev.lifeboat.status.StatusReport.NextStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which side the trouble is likely on, and what to do next, from what the round observed. A rule that needs a fact
 * the round did not get (Heroku's status, say) does not guess: it says the fact is not known.
 */
final class Diagnosis {
    private static final int MAX_TITLE = PlatformsSection.MAX_TITLE;

    private Diagnosis() {
    }

    static Optional<String> diagnose(Signals s) {
        if (s.appDown) {
            return Optional.of(appDown(s));
        }
        if (s.siteDown) {
            return Optional.of(siteDown(s));
        }
        if (s.allWebCrashed) {
            return Optional.of(allWebCrashed(s));
        }
        if (s.someDynosCrashed) {
            return Optional.of("Some dynos have crashed" + (s.appUp ? "; the app still answers." : ".") + " Check the logs.");
        }
        if (s.noDynos) {
            return Optional.of("No dynos are running: scaled to zero, or eco dynos asleep"
                    + (s.appUp ? " (the health check still answers)." : "."));
        }
        if (s.appSlow.isPresent() || s.siteSlow.isPresent()) {
            List<String> slow = new ArrayList<>();
            s.appSlow.ifPresent(d -> slow.add("the app (" + d.toMillis() + " ms)"));
            s.siteSlow.ifPresent(d -> slow.add("the website (" + d.toMillis() + " ms)"));
            return Optional.of("Answering slowly: " + String.join(" and ", slow) + ".");
        }
        if (!s.backupProblems.isEmpty()) {
            return Optional.of("*Backups need attention:* " + String.join("; ", s.backupProblems) + ".");
        }
        if (!s.failedDeploys.isEmpty()) {
            return Optional.of("A newer website deploy failed; the published one still serves.");
        }
        if (s.herokuAppsIncident.isPresent() || s.netlifyIncident.isPresent()) {
            return Optional.of(platformIncident(s));
        }
        if (!s.unanswered.isEmpty()) {
            return Optional.of("Some checks did not answer: " + String.join(", ", s.unanswered) + ". The rest looks fine.");
        }
        if (s.maintenance) {
            return Optional.of("Maintenance mode is on.");
        }
        return Optional.empty();
    }

    /**
     * The diagnosis of one subject alone, as {@link #diagnose} would give it were that subject the only trouble: the
     * monitor announces the app and the website apart, each with its own likely side.
     */
    static Optional<String> about(Signals s, Subject subject) {
        if (subject == Subject.SITE) {
            return s.siteDown ? Optional.of(siteDown(s)) : Optional.empty();
        }
        if (s.appDown) {
            return Optional.of(appDown(s));
        }
        if (s.allWebCrashed) {
            return Optional.of(allWebCrashed(s));
        }
        return Optional.empty();
    }

    /** The next steps that concern one subject: the app's (logs, restart, rollback, maintenance) or the site's. */
    static List<NextStep> nextSteps(Signals s, Subject subject, Predicate<String> exists) {
        return nextSteps(s, exists).stream()
                .filter(step -> subject == Subject.SITE ? step.command().startsWith("site ")
                        : APP_COMMANDS.contains(step.command().split(" ")[0]))
                .toList();
    }

    private static final java.util.Set<String> APP_COMMANDS = java.util.Set.of("logs", "restart", "rollback", "maintenance");

    private static String allWebCrashed(Signals s) {
        return s.appUp
                ? "Every web dyno is listed as crashed, yet the health check answers. Check the logs."
                : "*No web dyno is up*; the health check did not tell whether the app answers. Check the logs, then restart or roll back.";
    }

    private static String appDown(Signals s) {
        if (s.herokuAppsIncident.isPresent()) {
            return "*Likely the platform:* the app does not answer and Heroku reports an incident ("
                    + escape(cut(s.herokuAppsIncident.get(), MAX_TITLE)) + "). Restarting or rolling back will not help; follow the incident.";
        }
        if (s.maintenance) {
            return "*Maintenance mode is on*, so Heroku answers 503 on purpose. Turn it off when the work is done.";
        }
        if (!s.herokuStatusKnown) {
            return "*The app does not answer*" + (s.allWebCrashed ? " and every web dyno has crashed" : "")
                    + ". Heroku's status page did not answer, so whether the platform is to blame is not known yet:"
                    + " check <https://status.heroku.com|Heroku's status> and the logs before restarting or rolling back.";
        }
        if (s.allWebCrashed) {
            return "*Likely ours:* every web dyno has crashed while Heroku is " + (s.herokuGreen ? "green" : "not reporting an Apps incident")
                    + ". Check the logs" + s.currentRelease.map(r -> "; release " + r.label() + " (" + r.userEmail() + ") is the current one").orElse("")
                    + ", then restart or roll back.";
        }
        return "*Likely ours:* the app does not answer while Heroku reports no Apps incident"
                + s.recentRelease.map(r -> "; release " + r.label() + " went out recently").orElse("") + ". Check the logs.";
    }

    private static String siteDown(Signals s) {
        if (s.netlifyIncident.isPresent()) {
            return "*Likely the platform:* the website does not answer and Netlify reports: "
                    + escape(cut(s.netlifyIncident.get(), MAX_TITLE)) + ".";
        }
        if (!s.netlifyStatusKnown) {
            return "*The website does not answer*. Netlify's status page did not answer, so whether Netlify is to blame"
                    + " is not known yet" + (s.failedDeploys.isEmpty() ? "." : "; a newer deploy failed.");
        }
        return "*Likely ours:* the website does not answer while Netlify is green"
                + (s.failedDeploys.isEmpty() ? "." : "; a newer deploy failed. Publish the last good deploy.");
    }

    /** A platform incident while our own checks pass: says which of ours were seen answering, and only those. */
    private static String platformIncident(Signals s) {
        List<String> reports = new ArrayList<>();
        s.herokuAppsIncident.ifPresent(t -> reports.add("Heroku reports an incident (" + escape(cut(t, MAX_TITLE)) + ")"));
        s.netlifyIncident.ifPresent(t -> reports.add("Netlify reports: " + escape(cut(t, MAX_TITLE))));
        String what = String.join(" and ", reports);
        List<String> fine = new ArrayList<>();
        if (s.appUp) {
            fine.add("the app");
        }
        if (s.siteUp) {
            fine.add("the website");
        }
        return what + (fine.isEmpty() ? "." : "; " + String.join(" and ", fine) + (fine.size() == 1 ? " answers" : " answer")
                + " normally.");
    }

    /** Only commands that exist, and only where the facts they rest on were observed. */
    static List<NextStep> nextSteps(Signals s, Predicate<String> exists) {
        List<NextStep> steps = new ArrayList<>();
        boolean ours = s.appDown && s.herokuStatusKnown && s.herokuAppsIncident.isEmpty() && !s.maintenance;
        if (ours || s.someDynosCrashed) {
            offer(steps, exists, "logs", "Show logs", "logs", false);
        }
        // Every web dyno crashed implies some dyno crashed: a restart is offered whenever one has.
        if (s.someDynosCrashed) {
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
        boolean siteOurs = s.siteDown && s.netlifyStatusKnown && s.netlifyIncident.isEmpty();
        if (siteOurs || !s.failedDeploys.isEmpty()) {
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
}
