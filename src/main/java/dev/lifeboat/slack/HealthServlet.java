package dev.lifeboat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeboat.health.Healthz;
import java.io.IOException;
import java.util.function.Supplier;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /healthz}, for a platform's health check and for a person: 200 when Lifeboat can do its job, 503 naming
 * the failing part when it cannot (see {@link Healthz}). The body is public, so it holds only state words and counts:
 * <pre>{"status":"ok","mode":"http","parts":{"slack":{"state":"ok"},"store":{"state":"ok"},
 * "audit":{"state":"ok","backlog":0,"set_aside":0}}}</pre>
 */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final String mode;
    private final transient Supplier<Healthz> health;
    private final transient ObjectMapper json;

    HealthServlet(String mode, Supplier<Healthz> health, ObjectMapper json) {
        this.mode = mode;
        this.health = health;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Healthz now = health.get();
        ObjectNode body = json.createObjectNode().put("status", now.status()).put("mode", mode);
        if (!now.failing().isEmpty()) {
            now.failing().forEach(body.putArray("failing")::add);
        }
        ObjectNode parts = body.putObject("parts");
        now.parts().forEach((name, part) -> {
            ObjectNode node = parts.putObject(name).put("state", part.state());
            part.figures().forEach(node::put);
        });
        resp.setStatus(now.code());
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
