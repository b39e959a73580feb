package dev.lifeboat.demo;

import dev.lifeboat.probe.Probe;
import dev.lifeboat.probe.ProbeResult;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Probes in the demo world: the simulated app and site answer from {@link DemoWorld}; any other URL (a system the
 * user did configure) goes to the real probe.
 */
final class DemoProbe implements Probe {
    private final DemoWorld world;
    private final Probe real;

    DemoProbe(DemoWorld world, Probe real) {
        this.world = world;
        this.real = real;
    }

    @Override
    public ProbeResult probe(URI url, Duration timeout) {
        String host = url.getHost();
        if (host == null || !host.endsWith(".invalid")) {
            return real.probe(url, timeout);
        }
        boolean app = host.equals(DemoWorld.APP_URL.getHost());
        boolean down = world.isBroken(app ? DemoWorld.Part.APP : DemoWorld.Part.SITE);
        Duration latency = Duration.ofMillis(ThreadLocalRandom.current().nextLong(40, down ? 60 : 180));
        if (down) {
            return new ProbeResult(url, ProbeResult.Outcome.HTTP_ERROR, Optional.of(app ? 503 : 502), latency, 0, url,
                    app ? "Heroku router H10 (app crashed)" : "");
        }
        return new ProbeResult(url, ProbeResult.Outcome.UP, Optional.of(200), latency, 0, url, "");
    }
}
