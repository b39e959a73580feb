package dev.lifeboat.heroku;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CLI's choices over a newest-first page of releases. */
class ReleasesTest {
    private static Release release(int version, boolean eligible, boolean current) {
        return new Release("id-" + version, version, eligible ? ReleaseStatus.SUCCEEDED : ReleaseStatus.FAILED,
                "Deploy " + version, new Release.User("u", "dev@acme-shop.example"), current, eligible,
                Instant.parse("2024-05-01T00:00:00Z").plusSeconds(version), null, List.of(), null);
    }

    @Test
    void defaultRollbackTargetIsTheSecondEligibleRelease() {
        List<Release> page = List.of(release(9, true, true), release(8, false, false), release(7, false, false),
                release(6, true, false), release(5, true, false));

        assertEquals(6, Releases.defaultRollbackTarget(page).orElseThrow().version());
    }

    @Test
    void defaultRollbackTargetSkipsAnIneligibleNewestRelease() {
        // A failed newest release is not "current"; the CLI still counts only eligible ones.
        List<Release> page = List.of(release(9, false, false), release(8, true, true), release(7, true, false));

        assertEquals(7, Releases.defaultRollbackTarget(page).orElseThrow().version());
    }

    @Test
    void noDefaultRollbackTargetWithFewerThanTwoEligibleReleases() {
        assertEquals(Optional.empty(), Releases.defaultRollbackTarget(List.of(release(2, true, true), release(1, false, false))));
        assertEquals(Optional.empty(), Releases.defaultRollbackTarget(List.of()));
    }

    @Test
    void currentIsTheReleaseMarkedCurrentElseTheNewest() {
        assertEquals(8, Releases.current(List.of(release(9, false, false), release(8, true, true))).orElseThrow().version());
        assertEquals(9, Releases.current(List.of(release(9, true, false), release(8, true, false))).orElseThrow().version());
    }
}
