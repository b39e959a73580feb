package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM a server runs in exits on an {@code OutOfMemoryError} (the platform then starts a clean process, and runs
 * resume from the store) instead of limping on with dead threads. The launcher and the Procfile's command are run
 * for real, with a stand-in {@code java} on the PATH that prints the arguments it was given.
 */
class JvmOptionsTest {
    static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    @TempDir
    Path dir;

    /** A copy of the launcher beside a jar newer than everything, so it runs "java" at once without building. */
    Path launcherWithFakeJava() throws IOException {
        Path launcher = dir.resolve("lifeboat");
        Files.copy(Path.of("lifeboat"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/lifeboat.jar"), "not a jar");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return launcher;
    }

    List<String> javaArgs(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "finished");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }

    @ParameterizedTest(name = "./lifeboat {0} (JAVA_OPTS=''{1}'') exits on OutOfMemoryError: {2}")
    @CsvSource({
            "serve,             ,                     true",
            "serve,             -Xmx300m,             true",
            "'',                ,                     true",
            "'',                -Xmx300m,             true",
            "config,            ,                     false",
    })
    void theLauncherStartsAServerThatExitsOnOutOfMemory(String mode, String javaOpts, boolean exits) throws Exception {
        Path launcher = launcherWithFakeJava();
        List<String> command = mode.isEmpty() ? List.of(launcher.toString()) : List.of(launcher.toString(), mode);
        Map<String, String> env = javaOpts == null ? Map.of() : Map.of("JAVA_OPTS", javaOpts);

        List<String> args = javaArgs(command, env);

        assertEquals(exits, args.contains(EXIT_ON_OOM), args.toString());
        assertTrue(args.contains("-jar"), args.toString());
        if (javaOpts != null) {
            assertTrue(args.contains(javaOpts), "JAVA_OPTS are still passed: " + args);
        }
        if (exits) {
            assertTrue(args.indexOf(EXIT_ON_OOM) < args.indexOf("-jar"), "a JVM option, before -jar: " + args);
        }
    }

    @Test
    void theProcfileStartsAServerThatExitsOnOutOfMemory() throws Exception {
        launcherWithFakeJava();
        List<String> web = Files.readAllLines(Path.of("Procfile")).stream().filter(l -> l.startsWith("web:")).toList();
        assertEquals(1, web.size(), "one web process");
        String command = web.get(0).substring("web:".length()).trim();

        List<String> args = javaArgs(List.of("bash", "-c", command), Map.of("JAVA_OPTS", "-Xmx300m"));

        assertTrue(args.contains(EXIT_ON_OOM), args.toString());
        assertTrue(args.indexOf(EXIT_ON_OOM) < args.indexOf("-jar"), args.toString());
        assertTrue(args.contains("-Xmx300m"), args.toString());
        assertEquals("serve", args.get(args.size() - 1));
        assertFalse(args.contains("config"));
    }
}
