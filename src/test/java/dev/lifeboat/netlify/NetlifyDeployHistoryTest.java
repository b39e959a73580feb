package dev.lifeboat.netlify;

import static dev.lifeboat.netlify.NetlifyTestSupport.parse;
import static dev.lifeboat.netlify.NetlifyTestSupport.parseDeploys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Choosing a restore target from the recorded deploy list: newest first, a building deploy, a failed one, the
 * published one, a deploy preview, then two older production deploys.
 */
class NetlifyDeployHistoryTest {
    private static final Site SITE = parse("site.json", Site.class);
    private static final List<Deploy> DEPLOYS = parseDeploys("deploys.json");

    private static Site withPublished(Deploy published) {
        return new Site(SITE.id(), SITE.name(), SITE.state(), SITE.url(), SITE.sslUrl(), SITE.adminUrl(),
                SITE.customDomain(), SITE.accountSlug(), published, SITE.buildSettings(), SITE.createdAt(), SITE.updatedAt());
    }

    @Test
    void restoreTargetIsTheNewestReadyProductionDeployOlderThanThePublishedOne() {
        DeployHistory history = new DeployHistory(SITE, DEPLOYS);

        assertEquals("663d2b8e4a1f9c0008b7c6d4", history.published().orElseThrow().id());
        // skips the newer building and failed deploys, the published one and the deploy preview
        assertEquals("663b9e3c2d4f8a0008e1f2a2", history.restoreTarget().orElseThrow().id());
    }

    @Test
    void failedDeploysNewerThanThePublishedOneAreListedButNotOlderOrRunningOnes() {
        List<Deploy> olderFailure = new java.util.ArrayList<>(DEPLOYS);
        Deploy oldest = DEPLOYS.get(5);
        olderFailure.set(5, oldest.withState(DeployState.ERROR, "old failure", oldest.updatedAt()));

        List<Deploy> failed = new DeployHistory(SITE, olderFailure).failedSincePublished();

        assertEquals(List.of("663e0a4f5c2b1a0008f3e4d5"), failed.stream().map(Deploy::id).toList());
    }

    @Test
    void afterRestoringTheOldestThereIsNoEarlierTarget() {
        DeployHistory history = new DeployHistory(withPublished(DEPLOYS.get(5)), DEPLOYS);

        assertTrue(history.restoreTarget().isEmpty());
        assertEquals(List.of("663e0a4f5c2b1a0008f3e4d5"),
                history.failedSincePublished().stream().map(Deploy::id).toList());
    }

    @Test
    void withNothingPublishedTheNewestReadyProductionDeployIsTheTarget() {
        DeployHistory history = new DeployHistory(withPublished(null), DEPLOYS);

        assertTrue(history.published().isEmpty());
        assertEquals("663d2b8e4a1f9c0008b7c6d4", history.restoreTarget().orElseThrow().id());
    }

    @Test
    void publishedDeployOutsideTheListedPageStillBoundsTheSearch() {
        DeployHistory history = new DeployHistory(SITE, DEPLOYS.subList(4, 6));

        assertEquals("663b9e3c2d4f8a0008e1f2a2", history.restoreTarget().orElseThrow().id());
        assertEquals(SITE.publishedDeploy(), history.published().orElseThrow());
    }
}
