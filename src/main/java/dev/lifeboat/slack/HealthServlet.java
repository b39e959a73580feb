package dev.lifeboat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeboat.config.Redact;
import dev.lifeboat.health.HealthBoard;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /healthz}: what the {@link HealthBoard} says, for a platform's health check and for a person.
 * <ul>
 *   <li>200 {@code {"status":"ok"}}: serving, nothing wrong;</li>
 *   <li>200 {@code {"status":"degraded","problems":[…]}}: serving, but something it should do is failing;</li>
 *   <li>503 {@code {"status":"starting","problems":[…]}}: not serving yet (Slack not yet reached since start);</li>
 *   <li>503 {@code {"status":"not_ready","problems":[…]}}: was serving, now cannot.</li>
 * </ul>
 */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final String mode;
    private final transient HealthBoard board;
    private final transient BooleanSupplier everReady;
    private final transient ObjectMapper json;

    HealthServlet(String mode, HealthBoard board, BooleanSupplier everReady, ObjectMapper json) {
        this.mode = mode;
        this.board = board;
        this.everReady = everReady;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, HealthBoard.Problem> problems = board.problems();
        boolean ready = board.ready();
        String status = ready ? problems.isEmpty() ? "ok" : "degraded" : everReady.getAsBoolean() ? "not_ready" : "starting";
        ObjectNode body = json.createObjectNode().put("status", status).put("mode", mode);
        if (!problems.isEmpty()) {
            ArrayNode list = body.putArray("problems");
            problems.forEach((component, problem) -> list.addObject()
                    .put("component", component)
                    .put("severity", problem.severity().name().toLowerCase(Locale.ROOT))
                    .put("reason", Redact.text(problem.reason()))
                    .put("since", problem.since().toString()));
        }
        resp.setStatus(ready ? 200 : 503);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
