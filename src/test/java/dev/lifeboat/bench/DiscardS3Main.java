package dev.lifeboat.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A null S3 for {@code bench/s3-copy.sh}: answers the calls an upload makes (create, part, complete, copy, put,
 * delete) with well-formed responses and throws every body away, checking no signature. Measuring against it shows
 * what the uploader itself can do when the server is not the bottleneck. Prints {@code READY <endpoint>}.
 */
public final class DiscardS3Main {
    private DiscardS3Main() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong uploads = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                discard(exchange.getRequestBody());
                String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
                String method = exchange.getRequestMethod();
                if (method.equals("POST") && query.startsWith("uploads")) {
                    xml(exchange, "<InitiateMultipartUploadResult><UploadId>u" + uploads.incrementAndGet()
                            + "</UploadId></InitiateMultipartUploadResult>");
                } else if (method.equals("POST")) {
                    xml(exchange, "<CompleteMultipartUploadResult><ETag>\"done\"</ETag></CompleteMultipartUploadResult>");
                } else if (method.equals("PUT") && exchange.getRequestHeaders().containsKey("x-amz-copy-source")) {
                    xml(exchange, "<CopyObjectResult><ETag>\"copy\"</ETag></CopyObjectResult>");
                } else if (method.equals("PUT")) {
                    exchange.getResponseHeaders().set("ETag", "\"part\"");
                    exchange.sendResponseHeaders(200, -1);
                } else if (method.equals("DELETE")) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        server.start();
        System.out.println("READY http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }

    private static void discard(InputStream body) throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (body.read(buffer) >= 0) {
            // thrown away
        }
    }

    private static void xml(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
