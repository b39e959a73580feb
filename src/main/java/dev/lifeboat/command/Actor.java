package dev.lifeboat.command;

/**
 * Who ran a command: a Slack user ({@code id} like {@code U0123}) or a console user ({@code console:NAME}).
 */
public record Actor(String id, String name) {
    public boolean isConsole() {
        return id.startsWith("console:");
    }

    public String mention() {
        return isConsole() ? name + " (console)" : "<@" + id + ">";
    }
}
