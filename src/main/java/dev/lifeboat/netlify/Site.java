package dev.lifeboat.netlify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A Netlify site (the fields Lifeboat uses of the {@code site} definition). Fields that carry secrets
 * ({@code password}, {@code build_settings.env}, {@code default_hooks_data}, {@code deploy_hook}) are deliberately
 * not read.
 *
 * @param publishedDeploy the deploy now live, or {@code null} when none is
 * @param buildSettings   where the site is built from, or {@code null} when it is not linked to a repository
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Site(
        String id,
        String name,
        String state,
        String url,
        String sslUrl,
        String adminUrl,
        String customDomain,
        String accountSlug,
        Deploy publishedDeploy,
        BuildSettings buildSettings,
        Instant createdAt,
        Instant updatedAt) {

    /** The address people visit: the HTTPS URL when there is one. */
    public String liveUrl() {
        return sslUrl != null && !sslUrl.isBlank() ? sslUrl : url;
    }
}
