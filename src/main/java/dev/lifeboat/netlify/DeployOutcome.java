package dev.lifeboat.netlify;

import java.time.Duration;

/** How following a deploy ended. */
public sealed interface DeployOutcome {
    /** The last state seen. */
    Deploy deploy();

    /** One sentence for a person. */
    String summary();

    /** The deploy is ready. */
    record Ready(Deploy deploy) implements DeployOutcome {
        @Override
        public String summary() {
            return "Deploy " + deploy.id() + " is ready" + (deploy.publishedAt() == null ? "." : " and published.");
        }
    }

    /** The deploy ended in error, or was canceled or rejected. {@code reason} is Netlify's, when it gave one. */
    record Failed(Deploy deploy, String reason) implements DeployOutcome {
        @Override
        public String summary() {
            return "Deploy " + deploy.id() + " ended in state " + deploy.state().json() + ": " + reason;
        }
    }

    /** The deadline passed first; the deploy may still finish on Netlify. */
    record TimedOut(Deploy deploy, Duration waited) implements DeployOutcome {
        @Override
        public String summary() {
            return "Deploy " + deploy.id() + " was still " + deploy.state().json() + " after "
                    + NetlifyErrors.describe(waited) + "; Lifeboat stopped waiting, but Netlify may still finish it."
                    + (deploy.adminUrl() == null ? "" : " Watch it at " + deploy.adminUrl() + ".");
        }
    }
}
