package dev.lifeboat.slack;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses request bodies over the limit with 413 before any servlet sees them (Bolt reads a whole body before it
 * checks the signature). A declared {@code Content-Length} over the limit is refused without reading; a body without
 * one (chunked) is read up to the limit and refused as soon as it goes past it. A body within the limit is handed on
 * from memory.
 */
final class BodyLimitFilter implements Filter {
    /** Slack's requests are a few kilobytes; 1 MiB leaves room for any of them. */
    static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(BodyLimitFilter.class);

    private final long limit;

    BodyLimitFilter(long limit) {
        this.limit = limit;
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
        long declared = http.getContentLengthLong();
        if (declared > limit) {
            refuse((HttpServletResponse) response, http, "content_length");
            return;
        }
        if (declared == 0 || declared < 0 && http.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(http.getInputStream(), limit);
        if (body == null) {
            refuse((HttpServletResponse) response, http, "read");
            return;
        }
        chain.doFilter(new BufferedBodyRequest(http, body), response);
    }

    /** The whole body, or null when it is longer than {@code max} bytes (reading stops there). */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        byte[] buffer = new byte[8 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletResponse response, HttpServletRequest request, String how) throws IOException {
        log.warn("event=request_too_large method={} path={} limit_bytes={} detected_by={}", request.getMethod(),
                request.getRequestURI(), limit, how);
        // The rest of the body is not read: close the connection rather than drain it.
        response.setHeader("Connection", "close");
        response.sendError(413);
    }

    /** The request's charset, as the servlet container would read it: ISO-8859-1 when none (or an unknown one) is given. */
    static Charset charset(String encoding) {
        if (encoding != null) {
            try {
                return Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                log.debug("event=unknown_charset length={}", encoding.length());
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    /** The request with its body already in memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already in memory; read it directly");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
