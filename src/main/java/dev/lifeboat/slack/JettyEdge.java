package dev.lifeboat.slack;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server at Lifeboat's HTTP edge, before any servlet: no version in headers or error pages, every method an
 * endpoint does not serve refused with 405 (TRACE on every path: it would echo the request), request bodies bounded ({@link BodyLimitFilter}), and a graceful stop that lets requests in flight finish.
 */
final class JettyEdge {
    /** In-flight requests are acknowledgements (Slack allows 3 s), so a few seconds is plenty to finish them. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private JettyEdge() {
    }

    /**
     * A context whose first filters refuse the methods an endpoint does not serve ({@code methods}: each endpoint's
     * path and its methods; see {@link AllowedMethodsFilter}) and oversized bodies, so that everything added to it
     * afterwards (filters and servlets) sees only what passed them.
     */
    static ServletContextHandler context(long maxBodyBytes, Map<String, Set<String>> methods) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new AllowedMethodsFilter(methods)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new BodyLimitFilter(maxBodyBytes)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.setErrorHandler(new PlainErrorHandler());
        return context;
    }

    /** A server listening on {@code host:port} that serves {@code context} (from {@link #context}), not yet started. */
    static Server server(String host, int port, ServletContextHandler context) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("lifeboat-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setErrorHandler(new PlainErrorHandler());

        StatisticsHandler stats = new StatisticsHandler();
        stats.setHandler(context);
        server.setHandler(stats);
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setStopAtShutdown(false);
        return server;
    }

    /** Error pages that say only the status: no server name, version, servlet or stack trace. */
    static final class PlainErrorHandler extends ErrorHandler {
        PlainErrorHandler() {
            setShowStacks(false);
            setShowServlet(false);
        }

        @Override
        protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                                  HttpServletResponse response, int code, String message) throws IOException {
            baseRequest.setHandled(true);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            try (Writer out = response.getWriter()) {
                out.write("{\"status\":" + code + ",\"error\":\"" + HttpStatus.getMessage(code) + "\"}");
            }
        }
    }
}
