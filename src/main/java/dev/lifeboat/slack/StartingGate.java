package dev.lifeboat.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.servlet.ServletAdapterOps;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of Bolt on {@code POST /slack/events} while Slack has not yet accepted Lifeboat's token (Bolt cannot
 * handle a request before its own {@code auth.test} succeeded). A request is still checked against the signing
 * secret (401 otherwise); a signed slash command is answered with a private message saying Lifeboat is starting and
 * why; a signed button click gets 503 (Slack shows it failed, and it can be clicked again). Once ready, everything
 * goes straight to Bolt.
 */
final class StartingGate implements Filter {
    private static final Logger log = LoggerFactory.getLogger(StartingGate.class);

    private final SlackConnection connection;
    private final SlackSignature.Verifier verifier;
    private final Gson gson = GsonFactory.createSnakeCase();

    StartingGate(SlackConnection connection, String signingSecret) {
        this.connection = connection;
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
    }

    @Override
    public void init(FilterConfig config) {
        // Nothing to set up: everything comes through the constructor.
    }

    @Override
    public void destroy() {
        // Nothing to release.
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (connection.ready() || !"POST".equals(http.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse out = (HttpServletResponse) response;
        String timestamp = http.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = http.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        String body = timestamp == null || signature == null ? null : ServletAdapterOps.doReadRequestBodyAsString(http);
        if (body == null || !verifier.isValid(timestamp, body, signature)) {
            write(out, 401, "{\"error\":\"invalid request\"}");
            return;
        }
        log.info("event=request_while_starting kind={}", body.startsWith("payload=") ? "interaction" : "command");
        if (body.startsWith("payload=")) {
            out.setHeader("Retry-After", "30");
            write(out, 503, "{\"error\":\"Lifeboat is starting\"}");
            return;
        }
        write(out, 200, gson.toJson(SlashCommandResponse.builder().responseType("ephemeral")
                .text(message(connection.problem())).build()));
    }

    static String message(String problem) {
        return ":hourglass_flowing_sand: Lifeboat has just started and cannot use Slack's Web API yet (" + problem
                + "). It keeps retrying by itself: try again in a minute. If Slack stays unreachable, `./lifeboat console`"
                + " runs the same commands in a terminal.";
    }

    private static void write(HttpServletResponse out, int status, String json) throws IOException {
        out.setStatus(status);
        out.setContentType("application/json; charset=utf-8");
        out.setHeader("Cache-Control", "no-store");
        out.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
