package dev.lifeboat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.command.BusyException;
import dev.lifeboat.s3.S3ProxyExtension;
import dev.lifeboat.s3.S3ProxyServer;
import dev.lifeboat.status.Fetched;
import dev.lifeboat.status.StatusFacts;
import dev.lifeboat.status.StatusRound;
import dev.lifeboat.status.StatusTimings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A burst of status rounds against a Heroku that hangs (every Platform and data API call answers after 20 s) must not
 * pile up threads or connections: the checks run on a bounded pool, a round that finds it full is answered "busy" at
 * once, and the calls a round gave up on at its deadline are cancelled. The rounds are started directly, many at a
 * time (the status service would make a crowd share one round), and the figures are printed for the record.
 */
@ExtendWith(S3ProxyExtension.class)
class SlackStatusBurstEndToEndTest {
    static final Duration DEADLINE = Duration.ofSeconds(2);
    static final int ROUNDS = 10;
    static final int HANG_MS = 20_000;

    static StatusWorld world;

    @BeforeAll
    static void start(S3ProxyServer s3) throws Exception {
        world = StatusWorld.start(s3, new StatusTimings(DEADLINE, StatusTimings.DEFAULT.shareWindow()), env -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    static int checkThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("lifeboat-check-")).count();
    }

    /** Calls running on the shared OkHttp dispatcher (every API client derives from it). */
    static int openCalls(OkHttpClient http) {
        return http.dispatcher().runningCallsCount();
    }

    /** Connections carrying a call right now (the rest of the pool is idle keep-alive). */
    static int busyConnections(OkHttpClient http) {
        return http.connectionPool().connectionCount() - http.connectionPool().idleConnectionCount();
    }

    @Test
    void aBurstAgainstAHangingHerokuLeavesBoundedThreadsAndNoOpenCallsAfterTheDeadline() throws Exception {
        world.greenWorld();
        for (String path : List.of(StatusWorld.APP_INFO, StatusWorld.DYNOS, StatusWorld.RELEASES, StatusWorld.ADDONS,
                StatusWorld.TRANSFERS, StatusWorld.SCHEDULES)) {
            world.stub(get(urlEqualTo(path)).willReturn(okJson("{}").withFixedDelay(HANG_MS)));
        }
        OkHttpClient http = world.lifeboat.get(OkHttpClient.class);
        StatusRound round = world.lifeboat.get(StatusRound.class);
        int threadsBefore = checkThreads();
        int callsBefore = openCalls(http);

        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicInteger peakThreads = new AtomicInteger();
        AtomicInteger peakCalls = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakThreads.accumulateAndGet(checkThreads(), Math::max);
                peakCalls.accumulateAndGet(openCalls(http), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        ExecutorService people = Executors.newFixedThreadPool(ROUNDS);
        long started = System.nanoTime();
        List<Future<StatusFacts>> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.add(people.submit(round::gather));
        }
        int answered = 0;
        int busy = 0;
        for (Future<StatusFacts> r : rounds) {
            try {
                StatusFacts facts = r.get(DEADLINE.toMillis() + 3_000, TimeUnit.MILLISECONDS);
                answered++;
                assertEquals(Fetched.Gap.TIMED_OUT, facts.app().gap(), facts.app().why());
                assertTrue(facts.app().why().startsWith("no answer within 2 s"), facts.app().why());
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof BusyException, String.valueOf(e.getCause()));
                busy++;
            }
        }
        long allBackMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int callsAtDeadline = openCalls(http);
        Thread.sleep(300);
        int callsAfter = openCalls(http);
        int connectionsAfter = busyConnections(http);
        int threadsAfter = checkThreads();
        sampling.set(false);
        sampler.join();
        people.shutdownNow();

        System.out.printf("status burst: %d rounds (%d answered, %d busy) back within %d ms (deadline %d ms); check"
                        + " threads before %d, peak %d, 300 ms after %d; open upstream calls before %d, peak %d,"
                        + " when the last round returned %d, 300 ms after %d; connections in use 300 ms after %d%n",
                ROUNDS, answered, busy, allBackMs, DEADLINE.toMillis(), threadsBefore, peakThreads.get(), threadsAfter,
                callsBefore, peakCalls.get(), callsAtDeadline, callsAfter, connectionsAfter);
        assertTrue(answered >= 1, "at least the first round is answered");
        assertTrue(allBackMs < DEADLINE.toMillis() + 1_500, "every round back by its deadline: " + allBackMs + " ms");
        assertTrue(peakThreads.get() <= StatusRound.API_CALLS, "check threads bounded: peak " + peakThreads.get());
        assertTrue(peakCalls.get() <= StatusRound.API_CALLS + 2,
                "open calls bounded by the check threads (and the two probes): peak " + peakCalls.get());
        assertEquals(0, callsAfter, "no upstream call left open after the deadline");
        assertEquals(0, connectionsAfter, "no connection left carrying a call");
    }
}
