package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.offsite.CopyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The offsite ledger's contract, run on H2 and on PostgreSQL: the same rows after the same calls, and a reopen. */
abstract class OffsiteLedgerContract {
    static final Instant T0 = Instant.parse("2026-12-02T03:00:00Z");
    static final String SHA = "3f2a9c0d1b2e3f2a9c0d1b2e3f2a9c0d1b2e3f2a9c0d1b2e3f2a9c0d1b2e3f2a";

    abstract Database database();

    abstract Database reopen();

    JdbcOffsiteLedger ledger() {
        return new JdbcOffsiteLedger(database().dataSource());
    }

    @Test
    void aCopyGoesFromCopyingToCopiedWithItsSizesAndChecksum() {
        JdbcOffsiteLedger ledger = ledger();
        ledger.copying("acme-prod", "b014", "pg-backups/acme-prod/b014.dump", 262_144_000L, T0);
        assertEquals(CopyRecord.State.COPYING, ledger.find("acme-prod", "b014").orElseThrow().state());

        ledger.copied("acme-prod", "b014", "pg-backups/acme-prod/b014.dump", 262_144_000L, SHA, T0.plusSeconds(90));

        CopyRecord r = reopenedLedger().find("acme-prod", "b014").orElseThrow();
        assertEquals(CopyRecord.State.COPIED, r.state());
        assertEquals("pg-backups/acme-prod/b014.dump", r.key());
        assertEquals(OptionalLong.of(262_144_000L), r.herokuBytes());
        assertEquals(OptionalLong.of(262_144_000L), r.bytes());
        assertEquals(Optional.of(SHA), r.sha256());
        assertEquals(Optional.of(T0.plusSeconds(90)), r.copiedAt());
        assertEquals(T0.plusSeconds(90), r.updatedAt());
        assertTrue(r.verified());
    }

    @Test
    void failuresAreCountedInARowUntilACopySucceeds() {
        JdbcOffsiteLedger ledger = ledger();
        ledger.copying("acme-prod", "b015", "k", 100, T0);
        assertEquals(1, ledger.failed("acme-prod", "b015", "k", "the source ended after 40 MB", T0.plusSeconds(1)));
        ledger.copying("acme-prod", "b015", "k", 100, T0.plusSeconds(2));
        assertEquals(2, ledger.failed("acme-prod", "b015", "k", "the source ended after 50 MB", T0.plusSeconds(3)));

        CopyRecord failed = ledger.find("acme-prod", "b015").orElseThrow();
        assertEquals(CopyRecord.State.FAILED, failed.state());
        assertEquals(Optional.of("the source ended after 50 MB"), failed.reason());

        ledger.copied("acme-prod", "b015", "k", 100, SHA, T0.plusSeconds(4));
        CopyRecord copied = ledger.find("acme-prod", "b015").orElseThrow();
        assertEquals(0, copied.failures());
        assertEquals(Optional.empty(), copied.reason());
    }

    @Test
    void aFailureWithoutAnEarlierRowAndAVeryLongReasonAreKept() {
        JdbcOffsiteLedger ledger = ledger();
        assertEquals(1, ledger.failed("acme-prod", "b016", "k", "x".repeat(5000), T0));
        assertEquals(1000, ledger.find("acme-prod", "b016").orElseThrow().reason().orElseThrow().length());
    }

    @Test
    void deletedCopiesAreRememberedAndAppsAreKeptApart() {
        JdbcOffsiteLedger ledger = ledger();
        ledger.copied("acme-prod", "b010", "k10", 100, SHA, T0);
        ledger.copied("acme-prod", "b011", "k11", 100, SHA, T0.plusSeconds(60));
        ledger.copied("acme-staging", "b010", "s10", 100, SHA, T0);
        ledger.deleted("acme-prod", "b010", T0.plusSeconds(120));

        List<CopyRecord> prod = ledger.forApp("acme-prod");
        assertEquals(List.of("b010", "b011"), prod.stream().map(CopyRecord::backup).toList(), "most recent change first");
        assertEquals(CopyRecord.State.DELETED, prod.get(0).state());
        assertEquals(1, ledger.forApp("acme-staging").size());
        assertEquals(Optional.empty(), ledger.find("acme-prod", "b999"));
    }

    private JdbcOffsiteLedger reopenedLedger() {
        return new JdbcOffsiteLedger(reopen().dataSource());
    }
}
