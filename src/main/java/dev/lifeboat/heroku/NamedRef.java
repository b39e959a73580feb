package dev.lifeboat.heroku;

/** The {@code {"id", "name"}} reference Heroku nests in its objects (region, stack, team, app, plan…). */
public record NamedRef(String id, String name) {
}
