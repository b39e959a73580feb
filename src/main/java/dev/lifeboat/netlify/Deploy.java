package dev.lifeboat.netlify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A Netlify deploy (the fields Lifeboat uses of the {@code deploy} definition). Any field may be missing.
 *
 * @param context      {@code production}, {@code deploy-preview} or {@code branch-deploy}
 * @param errorMessage why a deploy in state {@code error} failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Deploy(
        String id,
        String siteId,
        String buildId,
        DeployState state,
        String name,
        String url,
        String sslUrl,
        String adminUrl,
        String deployUrl,
        String deploySslUrl,
        String errorMessage,
        String branch,
        String context,
        String commitRef,
        String commitUrl,
        String title,
        String framework,
        Boolean locked,
        Boolean skipped,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    public static final String PRODUCTION = "production";

    public Deploy {
        state = state == null ? DeployState.UNKNOWN : state;
    }

    public boolean isReady() {
        return state.isReady();
    }

    public boolean isFailed() {
        return state.isFailed();
    }

    public boolean isInProgress() {
        return state.isInProgress();
    }

    /** A production deploy (or one whose context Netlify did not say). */
    public boolean isProduction() {
        return context == null || PRODUCTION.equals(context);
    }

    /** The deploy in another state, as a simulation moves it along. */
    public Deploy withState(DeployState newState, String newErrorMessage, Instant at) {
        return new Deploy(id, siteId, buildId, newState, name, url, sslUrl, adminUrl, deployUrl, deploySslUrl,
                newErrorMessage, branch, context, commitRef, commitUrl, title, framework, locked, skipped, createdAt,
                at, publishedAt);
    }

    /** The deploy published at {@code at}. */
    public Deploy withPublishedAt(Instant at) {
        return new Deploy(id, siteId, buildId, state, name, url, sslUrl, adminUrl, deployUrl, deploySslUrl,
                errorMessage, branch, context, commitRef, commitUrl, title, framework, locked, skipped, createdAt,
                at, at);
    }
}
