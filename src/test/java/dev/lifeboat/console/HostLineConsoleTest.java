package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.Wiring;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} in the demo world, as {@code ./lifeboat} wires it, ends with where Lifeboat runs. */
class HostLineConsoleTest {
    @TempDir
    Path data;

    String status(Map<String, String> vars) {
        Map<String, String> env = new HashMap<>(vars);
        env.put("LIFEBOAT_DATA_DIR", data.toString());
        LifeboatConfig config = LifeboatConfig.load(Env.of(env));
        Injector injector = Guice.createInjector(Wiring.console(config, Wiring.World.DEMO,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).modules());
        try {
            return new Console(injector.getInstance(CommandRunner.class), "alice").run("status");
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    @Test
    void theDemoShowsTheLineAboutSharingHerokusFateAtTheEnd() {
        String status = status(Map.of());

        assertTrue(status.contains("Lifeboat runs on Heroku (simulated: demo world), like " + dev.lifeboat.demo.DemoWorld.APP_NAME + ". An outage of the "
                + "Heroku platform may take Lifeboat down with the app."), status);
        assertTrue(status.contains("docs/deploy.md"), status);
        assertTrue(status.indexOf("Lifeboat runs on") > status.indexOf("All clear"), "at the end\n" + status);
    }

    @Test
    void anOperatorsNoteSaysWhereItRunsInstead() {
        String status = status(Map.of("LIFEBOAT_HOST_NOTE", "Fly.io, fra"));

        assertTrue(status.contains("Lifeboat runs on Fly.io, fra."), status);
        assertFalse(status.contains("simulated: demo world"), status);
    }
}
