package dev.lifeboat.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lifeboat.config.S3Settings;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real module wired with settings pointing at S3Proxy: one client pair, a working store, closable. */
@ExtendWith(S3ProxyExtension.class)
class S3ModuleTest {
    @Test
    void moduleProvidesOneStoreOverOneClientPairThatWorks(S3ProxyServer server) {
        String bucket = server.createBucket();
        Injector injector = Guice.createInjector(new S3Module(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(S3Settings.class).toInstance(server.settings(bucket));
            }
        });

        OffsiteStore store = injector.getInstance(OffsiteStore.class);
        try (S3Clients clients = injector.getInstance(S3Clients.class)) {
            assertSame(store, injector.getInstance(OffsiteStore.class));
            assertSame(clients, injector.getInstance(S3Clients.class));
            assertEquals(bucket, store.bucket());

            store.upload(UploadRequest.of("pg-backups/app/a001.dump", new ByteArrayInputStream(new byte[] {1, 2, 3})));

            assertEquals(3, store.head("pg-backups/app/a001.dump").size());
        }
    }
}
