package dev.lifeboat.demo;

import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatus.Incident;
import dev.lifeboat.platformstatus.PlatformStatus.Level;
import dev.lifeboat.platformstatus.PlatformStatus.SystemStatus;
import dev.lifeboat.platformstatus.PlatformStatusSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Heroku's or Netlify's status page in the demo world: green until {@code demo break heroku|netlify}. */
final class DemoPlatformStatus implements PlatformStatusSource {
    private final String platform;
    private final DemoWorld world;
    private final Clock clock;

    DemoPlatformStatus(String platform, DemoWorld world, Clock clock) {
        this.platform = platform;
        this.world = world;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public PlatformStatus current() {
        boolean heroku = platform.equals("Heroku");
        boolean broken = world.isBroken(heroku ? DemoWorld.Part.HEROKU : DemoWorld.Part.NETLIFY);
        if (heroku) {
            List<SystemStatus> systems = List.of(
                    new SystemStatus("Apps", broken ? Level.OUTAGE : Level.OPERATIONAL, broken ? "red" : "green"),
                    new SystemStatus("Data", Level.OPERATIONAL, "green"),
                    new SystemStatus("Tools", Level.OPERATIONAL, "green"));
            List<Incident> incidents = broken
                    ? List.of(new Incident("Elevated error rates for apps in the Common Runtime (simulated)", "issue",
                            "https://status.heroku.com/incidents/demo", clock.instant().minus(Duration.ofMinutes(12))))
                    : List.of();
            return new PlatformStatus("Heroku", broken ? Level.OUTAGE : Level.OPERATIONAL,
                    broken ? "Apps red" : "All systems green", systems, incidents, "https://status.heroku.com");
        }
        List<SystemStatus> components = List.of(
                new SystemStatus("CDN", broken ? Level.OUTAGE : Level.OPERATIONAL, broken ? "major outage" : "operational"),
                new SystemStatus("Builds", Level.OPERATIONAL, "operational"));
        List<Incident> incidents = broken
                ? List.of(new Incident("Increased errors serving sites from the CDN (simulated)", "investigating",
                        "https://www.netlifystatus.com/incidents/demo", clock.instant().minus(Duration.ofMinutes(7))))
                : List.of();
        return new PlatformStatus("Netlify", broken ? Level.OUTAGE : Level.OPERATIONAL,
                broken ? "Major Service Outage" : "All Systems Operational", components, incidents,
                "https://www.netlifystatus.com");
    }
}
