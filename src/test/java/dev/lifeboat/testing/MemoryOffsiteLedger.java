package dev.lifeboat.testing;

import dev.lifeboat.offsite.CopyRecord;
import dev.lifeboat.offsite.OffsiteLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The offsite ledger in memory, for tests that do not open a state store. */
public final class MemoryOffsiteLedger implements OffsiteLedger {
    private final Map<String, CopyRecord> rows = new LinkedHashMap<>();

    @Override
    public synchronized List<CopyRecord> forApp(String app) {
        List<CopyRecord> out = new ArrayList<>(rows.values().stream().filter(r -> r.app().equals(app)).toList());
        out.sort(Comparator.comparing(CopyRecord::updatedAt).reversed());
        return out;
    }

    @Override
    public synchronized Optional<CopyRecord> find(String app, String backup) {
        return Optional.ofNullable(rows.get(app + "/" + backup));
    }

    private CopyRecord current(String app, String backup, Instant at) {
        return rows.getOrDefault(app + "/" + backup, new CopyRecord(app, backup, "", CopyRecord.State.COPYING,
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), 0, Optional.empty(), at,
                Optional.empty()));
    }

    @Override
    public synchronized void copying(String app, String backup, String key, long herokuBytes, Instant at) {
        CopyRecord r = current(app, backup, at);
        rows.put(app + "/" + backup, new CopyRecord(app, backup, key, CopyRecord.State.COPYING,
                OptionalLong.of(herokuBytes), OptionalLong.empty(), Optional.empty(), r.failures(), r.reason(), at,
                r.copiedAt()));
    }

    @Override
    public synchronized void copied(String app, String backup, String key, long bytes, String sha256, Instant at) {
        CopyRecord r = current(app, backup, at);
        rows.put(app + "/" + backup, new CopyRecord(app, backup, key, CopyRecord.State.COPIED, r.herokuBytes(),
                OptionalLong.of(bytes), Optional.of(sha256), 0, Optional.empty(), at, Optional.of(at)));
    }

    @Override
    public synchronized int failed(String app, String backup, String key, String reason, Instant at) {
        CopyRecord r = current(app, backup, at);
        rows.put(app + "/" + backup, new CopyRecord(app, backup, key, CopyRecord.State.FAILED, r.herokuBytes(),
                r.bytes(), r.sha256(), r.failures() + 1, Optional.of(reason), at, r.copiedAt()));
        return r.failures() + 1;
    }

    @Override
    public synchronized void deleted(String app, String backup, Instant at) {
        CopyRecord r = current(app, backup, at);
        rows.put(app + "/" + backup, new CopyRecord(app, backup, r.key(), CopyRecord.State.DELETED, r.herokuBytes(),
                r.bytes(), r.sha256(), r.failures(), r.reason(), at, r.copiedAt()));
    }
}
