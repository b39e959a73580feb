package dev.lifeboat.testing;

import dev.lifeboat.pgbackups.PgBackups;
import dev.lifeboat.pgbackups.PublicUrl;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferSchedule;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link PgBackups} that passes every call to another (the demo's) and writes each capture, restore and cancel
 * into a shared {@link CallLog} (a restore by its source's host and path, never its query); the next call of a
 * method can be made to throw, before or after it reached the delegate (an answer lost on the way back).
 */
public final class RecordingPgBackups implements PgBackups {
    private final PgBackups delegate;
    private final CallLog log;
    private final Map<String, RuntimeException> failNext = new HashMap<>();
    private final Map<String, RuntimeException> loseNextAnswer = new HashMap<>();
    private volatile URI lastRestoreUrl;

    public RecordingPgBackups(PgBackups delegate, CallLog log) {
        this.delegate = delegate;
        this.log = log;
    }

    /** The next call of {@code method} throws {@code failure} without reaching the delegate. */
    public synchronized void failNext(String method, RuntimeException failure) {
        failNext.put(method, failure);
    }

    /** The next call of {@code method} reaches the delegate (the transfer starts), then throws {@code failure}. */
    public synchronized void loseNextAnswer(String method, RuntimeException failure) {
        loseNextAnswer.put(method, failure);
    }

    private synchronized <T> T call(String method, String logged, Supplier<T> body) {
        RuntimeException failure = failNext.remove(method);
        if (failure != null) {
            throw failure;
        }
        if (logged != null) {
            log.add("backups." + method + " " + logged);
        }
        T result = body.get();
        RuntimeException lost = loseNextAnswer.remove(method);
        if (lost != null) {
            throw lost;
        }
        return result;
    }

    /** The URL the last restore was asked to read (signature included: for assertions only). */
    public URI lastRestoreUrl() {
        return lastRestoreUrl;
    }

    @Override
    public List<Transfer> transfers(String app) {
        return call("transfers", null, () -> delegate.transfers(app));
    }

    @Override
    public Transfer transfer(String app, String numOrUuid) {
        return call("transfer", null, () -> delegate.transfer(app, numOrUuid));
    }

    @Override
    public Transfer transferWithLogs(String app, String numOrUuid) {
        return call("transferWithLogs", null, () -> delegate.transferWithLogs(app, numOrUuid));
    }

    @Override
    public Transfer capture(String addonId) {
        return call("capture", addonId, () -> delegate.capture(addonId));
    }

    @Override
    public Transfer restore(String addonId, URI backupUrl) {
        lastRestoreUrl = backupUrl;
        return call("restore", addonId + " from " + backupUrl.getHost() + backupUrl.getPath(),
                () -> delegate.restore(addonId, backupUrl));
    }

    @Override
    public PublicUrl publicUrl(String app, long num) {
        return call("publicUrl", null, () -> delegate.publicUrl(app, num));
    }

    @Override
    public List<TransferSchedule> schedules(String addonId) {
        return call("schedules", null, () -> delegate.schedules(addonId));
    }

    @Override
    public void cancel(String app, String transferUuid) {
        call("cancel", app + " " + transferUuid, () -> {
            delegate.cancel(app, transferUuid);
            return null;
        });
    }
}
