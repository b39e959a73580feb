package dev.lifeboat.slack;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Each endpoint answers only the methods it serves; every other method gets 405 (with {@code Allow}) before any
 * servlet sees it. So TRACE and TRACK, which the servlet API would answer by echoing the request's headers back,
 * are refused on every path, and OPTIONS (which would list TRACE) and methods a servlet does not know (PATCH, which
 * it answers 501) read the same. A path that is no endpoint takes only GET, HEAD and POST (and answers 404 to them).
 */
final class AllowedMethodsFilter implements Filter {
    /** What a path that is no endpoint lets through (to its 404). */
    static final Set<String> ELSEWHERE = Set.of("GET", "HEAD", "POST");

    private final Map<String, Set<String>> byPath;

    /** {@code byPath}: each endpoint's exact path and the methods it serves (upper case). */
    AllowedMethodsFilter(Map<String, Set<String>> byPath) {
        this.byPath = Map.copyOf(byPath);
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
        String method = http.getMethod().toUpperCase(Locale.ROOT);
        Set<String> allowed = byPath.getOrDefault(path(http), ELSEWHERE);
        if (!allowed.contains(method)) {
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setHeader("Allow", String.join(", ", new TreeSet<>(allowed)));
            answer.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + info;
    }
}
