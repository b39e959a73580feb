package dev.lifeboat.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code GET /healthz}: 200 while Lifeboat is serving, so a platform can health-check it. */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final String mode;

    HealthServlet(String mode) {
        this.mode = mode;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(("{\"status\":\"ok\",\"mode\":\"" + mode + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
