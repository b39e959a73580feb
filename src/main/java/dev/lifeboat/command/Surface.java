package dev.lifeboat.command;

/** Where a command came from. */
public enum Surface {
    SLACK, CONSOLE,
    /** Lifeboat itself, on its schedule (the {@code schedule} package's jobs). */
    SCHEDULE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
