package dev.lifeboat.bench;

import dev.lifeboat.s3.S3ProxyServer;
import java.nio.file.Path;

/**
 * S3Proxy as its own process for {@code bench/s3-copy.sh}: data under {@code args[0]}, bucket {@code args[1]}, on a
 * free loopback port. Prints {@code READY <endpoint>} and runs until killed (a shutdown hook deletes the data).
 */
public final class S3ProxyMain {
    private S3ProxyMain() {
    }

    public static void main(String[] args) throws Exception {
        S3ProxyServer server = S3ProxyServer.start(Path.of(args[0]));
        server.createBucket(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("READY " + server.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }
}
