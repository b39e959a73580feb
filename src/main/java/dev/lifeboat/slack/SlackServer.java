package dev.lifeboat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.SlackAppServlet;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.SlackSettings;
import dev.lifeboat.health.CachedCheck;
import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.health.HealthPart;
import dev.lifeboat.health.Healthz;
import dev.lifeboat.health.PartHealth;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.servlet.DispatcherType;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Slack: over HTTP ({@code POST /slack/events}) or, when an app token is set, over Socket Mode. Either way
 * {@code GET /healthz} answers on the port from the start, while {@link SlackConnection} reaches Slack in the
 * background. Closing it stops taking requests: Socket Mode disconnects, Jetty stops accepting and lets requests in
 * flight finish.
 */
public final class SlackServer implements AutoCloseable {
    public static final String EVENTS_PATH = "/slack/events";
    public static final String HEALTH_PATH = "/healthz";
    private static final Logger log = LoggerFactory.getLogger(SlackServer.class);

    private final App app;
    private final SlackSettings settings;
    private final SlackConnection connection;
    private final HealthBoard health;
    private final Set<HealthPart> parts;
    private final ObjectMapper json;
    private Server jetty;
    private volatile SocketModeApp socketMode;
    private CachedCheck socketCheck;

    @Inject
    public SlackServer(App app, SlackSettings settings, SlackConnection connection, HealthBoard health,
                       Set<HealthPart> parts, ObjectMapper json) {
        this.app = app;
        this.settings = settings;
        this.connection = connection;
        this.health = health;
        this.parts = parts;
        this.json = json;
    }

    /** Starts serving on {@code port} (0 picks a free one) and returns the port in use; Slack is reached after. */
    public int start(String host, int port) throws Exception {
        boolean socket = settings.socketMode();
        Map<String, Set<String>> methods = socket ? Map.of(HEALTH_PATH, Set.of("GET", "HEAD"))
                : Map.of(HEALTH_PATH, Set.of("GET", "HEAD"), EVENTS_PATH, Set.of("POST"));
        ServletContextHandler context = JettyEdge.context(BodyLimitFilter.MAX_BODY_BYTES, methods);
        List<HealthPart> asked = new ArrayList<>();
        asked.add(slackPart(socket));
        parts.stream().sorted(java.util.Comparator.comparing(HealthPart::name)).forEach(asked::add);
        context.addServlet(new ServletHolder(new HealthServlet(socket ? "socket" : "http",
                () -> Healthz.of(asked, health, connection.ready()), json)), HEALTH_PATH);
        if (!socket) {
            context.addFilter(new FilterHolder(new StartingGate(connection, settings.signingSecret().map(Secret::reveal).orElse(""))),
                    EVENTS_PATH, EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new SlackAppServlet(app)), EVENTS_PATH);
        }
        jetty = JettyEdge.server(host, port, context);
        jetty.start();
        int actual = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        log.info("event=serving mode={} port={} health={}", socket ? "socket" : "http", actual, HEALTH_PATH);

        if (socket) {
            // SocketModeApp starts (and stops) the Bolt app itself.
            socketMode = new SocketModeApp(settings.appToken().map(Secret::reveal).orElseThrow(), app,
                    SocketModeClient.Backend.JavaWebSocket);
            connection.start(socketMode::startAsync);
        } else {
            connection.start(app::start);
        }
        return actual;
    }

    /**
     * Slack in {@code /healthz}: {@code starting} until Slack accepted the token (and, in Socket Mode, the socket
     * opened), {@code refused} when it refused it; then {@code ok} over HTTP, and in Socket Mode {@code connected} or
     * {@code disconnected} (the socket answers a ping; checked at most once a second).
     */
    private HealthPart slackPart(boolean socket) {
        socketCheck = socket ? new CachedCheck(SlackConnection.COMPONENT, Duration.ofSeconds(1), Duration.ofSeconds(1),
                this::socketState) : null;
        return HealthPart.of(SlackConnection.COMPONENT, () -> {
            if (!connection.ready()) {
                return PartHealth.down(connection.outcome().getNow(null) instanceof SlackCheck.Refused ? "refused" : "starting");
            }
            return socket ? socketCheck.check() : PartHealth.ok("ok");
        });
    }

    private PartHealth socketState() {
        SocketModeApp open = socketMode;
        try {
            if (open != null && !open.isClientStopped() && open.getClient() != null && open.getClient().verifyConnection()) {
                return PartHealth.ok("connected");
            }
        } catch (RuntimeException e) {
            log.warn("event=socket_check_failed error=\"{}\"", e.getClass().getSimpleName());
        }
        return PartHealth.down("disconnected");
    }

    /** Reaching Slack: its outcome, and whether Lifeboat is serving yet. */
    public SlackConnection connection() {
        return connection;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops taking requests, letting those in flight finish (at most {@link JettyEdge#STOP_TIMEOUT}). */
    @Override
    public void close() throws Exception {
        connection.stop();
        if (socketCheck != null) {
            socketCheck.close();
        }
        try {
            if (socketMode != null) {
                socketMode.close();
            }
        } finally {
            if (jetty != null) {
                jetty.stop();
            }
            if (socketMode == null) {
                app.stop();
            }
        }
    }

    /** For tests and logs: where the HTTP listener is. */
    public InetSocketAddress address() {
        ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
        return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(), connector.getLocalPort());
    }
}
