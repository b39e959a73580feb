package dev.lifeboat.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code ./lifeboat serve} process for integration tests: a clean environment (none of the machine's
 * Lifeboat, Slack, Heroku… variables), the given ones, a free port, its log (stderr) in a file. {@link #kill()} is a
 * SIGKILL: no shutdown hook runs, as when a dyno dies.
 */
public final class ServeProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private ServeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code ./lifeboat serve} with {@code env} (PORT is chosen here); its log goes to {@code log}. */
    public static ServeProcess start(Map<String, String> env, Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("./lifeboat", "serve");
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("HEROKU_")
                || name.startsWith("NETLIFY_") || name.startsWith("LIFEBOAT_") || name.startsWith("STATUSPAGE_")
                || name.startsWith("AWS_") || name.startsWith("APP_") || name.startsWith("GITHUB_")
                || name.equals("DATABASE_URL") || name.equals("JAVA_OPTS") || name.equals("PORT") || name.equals("DYNO"));
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return new ServeProcess(builder.start(), log, port);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits (at most {@code within}) until {@code /healthz} answers 200. */
    public void awaitReady(Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/healthz")).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Lifeboat did not become ready; alive=" + process.isAlive() + "\n" + log());
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
