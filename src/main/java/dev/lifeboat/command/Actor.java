package dev.lifeboat.command;

/**
 * Who ran a command: a Slack user ({@code id} like {@code U0123}) or a console user ({@code console:NAME}).
 */
public record Actor(String id, String name) {
    public boolean isConsole() {
        return id.startsWith("console:");
    }

    /** Lifeboat itself (the monitor, the schedule): ids {@code lifeboat:…}, shown by name. */
    public boolean isLifeboat() {
        return id.startsWith("lifeboat:");
    }

    public String mention() {
        if (isLifeboat()) {
            return name;
        }
        return isConsole() ? name + " (console)" : "<@" + id + ">";
    }
}
