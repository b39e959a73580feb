package dev.lifeboat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sends a large request body over a plain socket and reads the status line the server answers with, even when the
 * server answers before the body is sent and closes the connection (an HTTP client library may report only the
 * broken pipe).
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** A POST of {@code bytes} zero bytes, with a {@code Content-Length} or chunked; returns the status code. */
    public static int postLargeBody(String host, int port, String path, long bytes, boolean chunked) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String headers = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n") + "\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> writeBody(out, bytes, chunked), "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            String status = readLine(socket.getInputStream());
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static void writeBody(OutputStream out, long bytes, boolean chunked) {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        try {
            for (long sent = 0; sent < bytes; sent += block.length) {
                int n = (int) Math.min(block.length, bytes - sent);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // Expected: the server refuses the body and closes the connection while it is still being sent.
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
