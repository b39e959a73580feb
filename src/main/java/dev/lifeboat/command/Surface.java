package dev.lifeboat.command;

/** Where a command came from. */
public enum Surface {
    SLACK, CONSOLE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
