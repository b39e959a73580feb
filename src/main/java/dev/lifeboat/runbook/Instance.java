package dev.lifeboat.runbook;

/**
 * The name of this Lifeboat process among those sharing one state store ({@code LIFEBOAT_INSTANCE}, else Heroku's
 * {@code DYNO}, else the host name). A run is executed by the instance holding its lease; the same name restarted
 * takes its runs back at once, another name once the lease ran out.
 */
public record Instance(String name) {
    public Instance {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an instance needs a name");
        }
    }
}
