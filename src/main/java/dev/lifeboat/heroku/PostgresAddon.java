package dev.lifeboat.heroku;

/**
 * An app's Heroku Postgres add-on: what the backups (data) API needs to capture or restore.
 *
 * @param id       the add-on's id, used in {@code /client/v11/databases/{id}/…}
 * @param name     e.g. {@code postgresql-curved-12345}
 * @param planName e.g. {@code heroku-postgresql:standard-0}, or {@code null} when Heroku did not say
 * @param appName  the app that owns the add-on
 */
public record PostgresAddon(String id, String name, String planName, String appName) {
    public static final String PLAN_PREFIX = "heroku-postgresql:";
}
