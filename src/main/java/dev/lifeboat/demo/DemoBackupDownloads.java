package dev.lifeboat.demo;

import dev.lifeboat.pgbackups.BackupDownloads;
import dev.lifeboat.pgbackups.Transfer;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import jakarta.inject.Inject;

/**
 * The simulated backup storage: a completed backup's dump is generated on the fly (the same bytes for the same
 * backup, as long as Heroku reports), after the same refusal Heroku gives for one that did not complete. With
 * {@link DemoPgBackups#failNextDownload()} the stream dies half-way, like a dropped connection.
 */
final class DemoBackupDownloads implements BackupDownloads {
    private final DemoPgBackups backups;

    @Inject
    DemoBackupDownloads(DemoPgBackups backups) {
        this.backups = backups;
    }

    @Override
    public Download open(String app, Transfer backup) {
        backups.publicUrl(app, backup.num());
        long length = backup.processedBytes();
        long dieAt = backups.takeDownloadFailure() ? length / 2 : -1;
        InputStream body = new Generated(backup.num(), length, dieAt);
        return new Download() {
            @Override
            public InputStream body() {
                return body;
            }

            @Override
            public OptionalLong length() {
                return OptionalLong.of(length);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Deterministic bytes: a 64 KiB block derived from the backup's number, repeated. */
    private static final class Generated extends InputStream {
        private final byte[] block = new byte[64 * 1024];
        private final long length;
        private final long dieAt;
        private long position;

        Generated(long seed, long length, long dieAt) {
            new java.util.Random(seed).nextBytes(block);
            this.length = length;
            this.dieAt = dieAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (dieAt >= 0 && position >= dieAt) {
                throw new IOException("Connection reset by the simulated backup storage");
            }
            if (position >= length) {
                return -1;
            }
            int at = (int) (position % block.length);
            int n = (int) Math.min(Math.min(len, block.length - at), length - position);
            if (dieAt >= 0) {
                n = (int) Math.min(n, dieAt - position);
            }
            System.arraycopy(block, at, b, off, n);
            position += n;
            return n;
        }
    }
}
