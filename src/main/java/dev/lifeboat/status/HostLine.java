package dev.lifeboat.status;

import dev.lifeboat.platformstatus.PlatformStatus;
import java.util.Optional;

/**
 * The status report's line about Lifeboat itself: when it runs on Heroku beside the Heroku app it guards, an outage
 * of the Heroku platform may take it down with the app, and the fallback is elsewhere. While Heroku's own status page
 * shows an Apps incident the line leads the report. An operator's {@code LIFEBOAT_HOST_NOTE} says where it runs
 * instead, in the same place.
 *
 * @param text  the line (mrkdwn)
 * @param first whether it leads the report
 */
public record HostLine(String text, boolean first) {
    static final String FALLBACK = "fallback: a Lifeboat outside Heroku, or the console from a laptop (docs/deploy.md)";

    /** The line for this placement and guarded app, or none (Lifeboat runs elsewhere and nobody said where). */
    public static Optional<HostLine> of(Placement placement, Optional<String> herokuApp, Fetched<PlatformStatus> herokuStatus) {
        boolean sharesHeroku = (placement.herokuDyno().isPresent() || placement.simulated()) && herokuApp.isPresent();
        boolean appsIncident = herokuStatus.value().map(s -> s.systemAffected("Apps")).orElse(false);
        if (placement.note().isPresent()) {
            String risk = sharesHeroku ? " Heroku also runs " + herokuApp.get() + ": a Heroku outage may take both down; "
                    + FALLBACK + "." : "";
            return Optional.of(new HostLine(":anchor: Lifeboat runs on " + placement.note().get() + "." + risk,
                    sharesHeroku && appsIncident));
        }
        if (!sharesHeroku) {
            return Optional.empty();
        }
        String where = placement.simulated() ? "Heroku (simulated: demo world)"
                : "Heroku (" + placement.herokuDyno().orElseThrow() + ")";
        String now = appsIncident ? "Heroku's status page shows an Apps incident now: Lifeboat may go down with "
                + herokuApp.get() + "." : "An outage of the Heroku platform may take Lifeboat down with the app.";
        return Optional.of(new HostLine(":anchor: Lifeboat runs on " + where + ", like " + herokuApp.get() + ". " + now
                + " The " + FALLBACK + ".", appsIncident));
    }
}
