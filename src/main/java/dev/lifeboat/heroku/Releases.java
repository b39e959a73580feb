package dev.lifeboat.heroku;

import java.util.List;
import java.util.Optional;

/** Choices the Heroku CLI makes over a newest-first page of releases, kept as pure functions. */
public final class Releases {
    /** The CLI reads one page of this many releases to choose "current" and "previous". */
    public static final int CLI_PAGE = 10;

    private Releases() {
    }

    /**
     * The release {@code heroku rollback} (no argument) goes back to: the second release marked
     * {@code eligible_for_rollback} in the newest-first page.
     */
    public static Optional<Release> defaultRollbackTarget(List<Release> newestFirst) {
        return newestFirst.stream().filter(Release::eligibleForRollback).skip(1).findFirst();
    }

    /** The release marked {@code current}, or else the newest one (what the CLI shows as current). */
    public static Optional<Release> current(List<Release> newestFirst) {
        return newestFirst.stream().filter(Release::current).findFirst()
                .or(() -> newestFirst.stream().findFirst());
    }
}
