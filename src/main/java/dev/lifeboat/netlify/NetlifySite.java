package dev.lifeboat.netlify;

import java.util.List;

/**
 * What Lifeboat can do with its one Netlify site (the site named by {@code NETLIFY_SITE_ID}). Every method throws
 * {@link NetlifyException} with a message a person can act on.
 */
public interface NetlifySite {
    /** The largest page {@link #deploys(int)} asks for. */
    int MAX_PER_PAGE = 100;

    /** The site, with the deploy now published. */
    Site site();

    /** The newest deploys of the site, newest first; {@code perPage} is 1 to {@value #MAX_PER_PAGE}. */
    List<Deploy> deploys(int perPage);

    /** One deploy of the site. */
    Deploy deploy(String deployId);

    /**
     * Publishes an earlier deploy, making it live again (Netlify's "restore"). The deploy must be {@code ready}.
     * Not retried: the caller decides.
     */
    Deploy publishDeploy(String deployId);

    /** Starts a production build; follow {@link Build#deployId()} with {@link DeployFollower}. Not retried. */
    Build triggerBuild(boolean clearCache);

    /** The files of the live deploy. */
    List<SiteFile> files();

    /** The site and its newest deploys, for choosing a restore target. */
    default DeployHistory history(int perPage) {
        return new DeployHistory(site(), deploys(perPage));
    }
}
