package dev.lifeboat.monitor;

/** {@link IncidentOpener} while Lifeboat has no incident feature: nothing is opened, and the announcement says so. */
final class NoIncidentFeature implements IncidentOpener {
    static final String NOTE = "_LIFEBOAT_AUTO_INCIDENT is on, but this Lifeboat has no incident feature to open one"
            + " with: no incident was opened._";

    @Override
    public String open(String summary, String by) {
        return NOTE;
    }
}
