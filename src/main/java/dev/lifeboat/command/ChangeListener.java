package dev.lifeboat.command;

/**
 * Told when something may have changed (a changing command finished, or the demo world was broken or healed), so
 * cached views such as the shared status round are not shown stale.
 */
@FunctionalInterface
public interface ChangeListener {
    void changed();
}
