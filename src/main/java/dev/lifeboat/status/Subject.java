package dev.lifeboat.status;

/** What can be down on its own and is diagnosed apart: the app on Heroku, or the website on Netlify. */
public enum Subject {
    APP,
    SITE
}
