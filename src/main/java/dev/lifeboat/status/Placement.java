package dev.lifeboat.status;

import java.util.Optional;

/**
 * Where Lifeboat itself runs, as far as it can tell: on a Heroku dyno ({@code DYNO} is set there), in the demo world
 * (pretending to run beside the simulated app), and what the operator says ({@code LIFEBOAT_HOST_NOTE}).
 *
 * @param herokuDyno the dyno Lifeboat runs on, when it runs on Heroku
 * @param note       {@code LIFEBOAT_HOST_NOTE}, e.g. "Fly.io, fra"
 * @param simulated  the demo world: the line is shown as it would be on Heroku, marked simulated
 */
public record Placement(Optional<String> herokuDyno, Optional<String> note, boolean simulated) {
    public static final Placement UNKNOWN = new Placement(Optional.empty(), Optional.empty(), false);
}
