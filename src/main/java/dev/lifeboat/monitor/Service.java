package dev.lifeboat.monitor;

import dev.lifeboat.status.Subject;

/** What the monitor watches, each on its own: the app on Heroku and the website on Netlify. */
public enum Service {
    APP("app", "The app", Subject.APP),
    SITE("site", "The website", Subject.SITE);

    private final String key;
    private final String title;
    private final Subject subject;

    Service(String key, String title, Subject subject) {
        this.key = key;
        this.title = title;
        this.subject = subject;
    }

    /** A short name for logs and the store: {@code app}, {@code site}. */
    public String key() {
        return key;
    }

    /** "The app", "The website". */
    public String title() {
        return title;
    }

    Subject subject() {
        return subject;
    }
}
