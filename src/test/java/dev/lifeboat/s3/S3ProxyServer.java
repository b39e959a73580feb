package dev.lifeboat.s3;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.lifeboat.config.S3Settings;
import dev.lifeboat.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.LoggerFactory;

/**
 * A real S3-compatible server for tests: S3Proxy 2.6.0 in this JVM (it shades its own Jetty 11, so the project's
 * Jetty 9.4 does not clash), storing objects with jclouds' {@code filesystem-nio2} provider in a temporary directory,
 * checking AWS V2/V4 signatures against one identity, on a free loopback port.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String IDENTITY = "lifeboat-test-key";
    public static final String CREDENTIAL = "lifeboat-test-secret-0123456789";

    private final Path directory;
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private S3ProxyServer(Path directory, BlobStoreContext context, S3Proxy proxy) {
        this.directory = directory;
        this.context = context;
        this.proxy = proxy;
    }

    public static S3ProxyServer start() throws Exception {
        return start(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Starts with its data in a new directory under {@code parent}. */
    public static S3ProxyServer start(Path parent) throws Exception {
        quietLogs();
        Path directory = Files.createTempDirectory(parent, "lifeboat-s3proxy-");
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", directory.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem-nio2")
                .credentials("unused", "unused")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5);
        }
        return new S3ProxyServer(directory, context, proxy);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Where the blobs of {@code bucket} live on disk (filesystem-nio2 keeps one file per key). */
    public Path bucketDirectory(String bucket) {
        return directory.resolve(bucket);
    }

    /** A new empty bucket with a unique name. */
    public String createBucket() {
        return createBucket("lifeboat-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
        return bucket;
    }

    /** Stores a blob through jclouds directly, skipping HTTP: for tests that need many objects quickly. */
    public void putDirect(String bucket, String key, byte[] body) {
        context.getBlobStore().putBlob(bucket, context.getBlobStore().blobBuilder(key).payload(body)
                .contentLength(body.length).build());
    }

    /** Settings as the app would read them from the environment, pointing at this server. */
    public S3Settings settings(String bucket) {
        return settings(bucket, IDENTITY, CREDENTIAL);
    }

    public S3Settings settings(String bucket, String accessKeyId, String secret) {
        return new S3Settings(Optional.of(accessKeyId), Optional.of(new Secret(secret)), Optional.empty(),
                Optional.of(endpoint()), Optional.of(bucket), S3Settings.DEFAULT_PREFIX, 30, 26);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop S3Proxy", e);
        } finally {
            context.close();
            deleteRecursively(directory);
        }
    }

    /** S3Proxy, jclouds, the SDK and Apache HttpClient log every byte at DEBUG, which logback's default enables. */
    private static void quietLogs() {
        for (String name : new String[] {"org.gaul", "org.jclouds", "jclouds", "org.apache.http", "software.amazon"}) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
