package dev.lifeboat.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.servlet.SlackAppServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The benchmark baseline: the smallest Bolt app on the same Jetty set-up as Lifeboat, whose {@code /dr} only acks.
 * Usage: {@code AckOnlyApp PORT SIGNING_SECRET SLACK_API_URL}.
 */
public final class AckOnlyApp {
    private AckOnlyApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(args[2]);
        App app = new App(AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .signingSecret(args[1])
                .singleTeamBotToken("xoxb-bench")
                .clientId(null).clientSecret(null).scope(null).userScope(null).redirectUri(null)
                .oauthInstallPath(null).oauthRedirectUriPath(null).appPath(null)
                .build());
        app.command("/dr", (req, ctx) -> ctx.ack());
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
        context.addServlet(new ServletHolder(new javax.servlet.http.HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp) {
                resp.setStatus(200);
            }
        }), "/healthz");
        server.setHandler(context);
        app.start();
        server.start();
        server.join();
    }
}
