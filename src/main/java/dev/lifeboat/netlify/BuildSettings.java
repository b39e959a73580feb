package dev.lifeboat.netlify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where a site is built from (the fields Lifeboat uses of the site's {@code build_settings}). Its {@code env} (which
 * holds secrets) and the deploy key are deliberately not read.
 *
 * @param provider   e.g. {@code github}
 * @param repoPath   e.g. {@code acme-shop/www}
 * @param repoBranch the production branch a build without a branch builds, e.g. {@code main}
 * @param stopBuilds builds are stopped for the site: a triggered build will not run
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BuildSettings(String provider, String repoPath, String repoBranch, String repoUrl, Boolean stopBuilds) {
    /** Whether Netlify said builds are stopped. */
    public boolean stopped() {
        return Boolean.TRUE.equals(stopBuilds);
    }
}
