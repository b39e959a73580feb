package dev.lifeboat.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 site on a socket of its own, for probes: it answers {@code 200 ok} and keeps connections alive,
 * and a test can make it close its idle connections (as any server's idle timeout does), reset connections or close
 * them before answering. It counts the connections it accepted and the requests it read.
 */
public final class RawSite implements AutoCloseable {
    /** How the site treats the next requests. */
    public enum Mode { OK, RESET, CLOSE_BEFORE_ANSWER }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-site");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode = Mode.OK;

    private RawSite(ServerSocket server) {
        this.server = server;
    }

    public static RawSite start() throws IOException {
        RawSite site = new RawSite(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        site.threads.execute(site::accept);
        return site;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public int connections() {
        return connections.get();
    }

    public int requests() {
        return requests.get();
    }

    /** Closes every kept-alive connection without a word, as a server's idle timeout does. */
    public void closeIdleConnections() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                while (!line.isEmpty()) {
                    line = in.readLine();
                    if (line == null) {
                        return;
                    }
                }
                requests.incrementAndGet();
                switch (mode) {
                    case RESET -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case CLOSE_BEFORE_ANSWER -> {
                        return;
                    }
                    case OK -> {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                                + "Connection: keep-alive\r\n\r\nok").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                }
            }
        } catch (SocketException closed) {
            // Closed by closeIdleConnections() or by the client.
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeIdleConnections();
        threads.shutdownNow();
    }
}
