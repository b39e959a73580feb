package dev.lifeboat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.SlackAppServlet;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.lifeboat.config.Secret;
import dev.lifeboat.config.SlackSettings;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Slack: over HTTP ({@code POST /slack/events}) or, when an app token is set, over Socket Mode. Either way
 * {@code GET /healthz} answers on the port.
 */
public final class SlackServer implements AutoCloseable {
    public static final String EVENTS_PATH = "/slack/events";
    public static final String HEALTH_PATH = "/healthz";
    private static final Logger log = LoggerFactory.getLogger(SlackServer.class);

    private final App app;
    private final SlackSettings settings;
    private Server jetty;
    private SocketModeApp socketMode;

    @Inject
    public SlackServer(App app, SlackSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    /** Starts serving on {@code port} (0 picks a free one) and returns the port in use. */
    public int start(String host, int port) throws Exception {
        boolean socket = settings.socketMode();
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("lifeboat-http");
        jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new HealthServlet(socket ? "socket" : "http")), HEALTH_PATH);
        if (!socket) {
            context.addServlet(new ServletHolder(new SlackAppServlet(app)), EVENTS_PATH);
        }
        jetty.setHandler(context);
        jetty.setStopAtShutdown(false);

        if (!socket) {
            app.start();  // In Socket Mode, SocketModeApp starts (and stops) the app itself.
        }
        if (socket) {
            socketMode = new SocketModeApp(settings.appToken().map(Secret::reveal).orElseThrow(), app,
                    SocketModeClient.Backend.JavaWebSocket);
            socketMode.startAsync();
        }
        jetty.start();
        int actual = connector.getLocalPort();
        log.info("event=serving mode={} port={} health={}", socket ? "socket" : "http", actual, HEALTH_PATH);
        return actual;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
        if (socketMode != null) {
            socketMode.close();
        } else {
            app.stop();
        }
    }

    /** For tests and logs: where the HTTP listener is. */
    public InetSocketAddress address() {
        ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
        return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(), connector.getLocalPort());
    }
}
