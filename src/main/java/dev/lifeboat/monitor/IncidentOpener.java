package dev.lifeboat.monitor;

/**
 * Opens an incident by itself when the app goes down and {@code LIFEBOAT_AUTO_INCIDENT=true}. The incident feature
 * binds the real one ({@code OptionalBinder.setBinding()}); until then {@link NoIncidentFeature} only says so.
 */
public interface IncidentOpener {
    /**
     * Opens an incident (in the channel and on the status page) with {@code summary} as its reason.
     *
     * @param by who opened it, for the incident's timeline
     * @return one line of mrkdwn for the down announcement saying what happened, e.g. "Incident opened: …"
     */
    String open(String summary, String by);
}
