package dev.lifeboat.platformstatus;

/** A platform's public status page: Heroku's or Netlify's. */
public interface PlatformStatusSource {
    /** "Heroku" or "Netlify". */
    String platform();

    /** Fetches the current status; throws {@link PlatformStatusException} when the page cannot be read. */
    PlatformStatus current();
}
