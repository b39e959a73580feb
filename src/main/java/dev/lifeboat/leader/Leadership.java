package dev.lifeboat.leader;

import dev.lifeboat.runbook.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance leads. Every {@link #TICK} each instance calls {@link #tick()}: it claims or renews the
 * {@value #LEASE_NAME} lease for {@link #LEASE}; the holder runs the {@link LeaderTask}s that are due, each on the
 * {@code leader} executor, never two runs of one task at once. A leader that dies stops renewing and another
 * instance leads within {@link #LEASE} plus one tick; one that finds its lease taken (it was cut off from the store
 * longer than the lease) stops starting tasks at once. On the embedded H2 store there is only ever one instance.
 */
@Singleton
public final class Leadership {
    public static final String LEASE_NAME = "leader";
    public static final Duration LEASE = Duration.ofSeconds(30);
    public static final Duration TICK = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final LeaderLeases leases;
    private final Map<String, LeaderTask> tasks;
    private final Clock clock;
    private final ExecutorService executor;
    private final String instance;
    private final Map<String, Instant> due = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile boolean leading;

    @Inject
    public Leadership(LeaderLeases leases, Set<LeaderTask> tasks, Clock clock, @Named("leader") ExecutorService executor,
                      Instance instance) {
        this.leases = leases;
        this.tasks = tasks.stream().collect(Collectors.toMap(LeaderTask::name, Function.identity()));
        this.clock = clock;
        this.executor = executor;
        this.instance = instance.name();
    }

    /** Whether this instance led at its last tick. */
    public boolean leading() {
        return leading;
    }

    public String instance() {
        return instance;
    }

    /** Claims or renews the lease, and starts the tasks that are due while this instance leads. */
    public void tick() {
        Instant now = clock.instant();
        boolean held;
        try {
            held = leases.hold(LEASE_NAME, instance, now, now.plus(LEASE));
        } catch (RuntimeException e) {
            // The store did not answer: this instance cannot know it still leads, so it stops leading.
            log.warn("event=leader_lease_failed instance={} error=\"{}\"", instance, e.getClass().getSimpleName());
            held = false;
        }
        if (held != leading) {
            log.info("event={} instance={}", held ? "leading" : "not_leading", instance);
            if (held) {
                due.clear(); // every task runs as soon as this instance leads
            }
        }
        leading = held;
        if (!held) {
            return;
        }
        for (LeaderTask task : tasks.values()) {
            if (!now.isBefore(due.getOrDefault(task.name(), Instant.MIN)) && running.add(task.name())) {
                due.put(task.name(), now.plus(task.every()));
                start(task);
            }
        }
    }

    private void start(LeaderTask task) {
        try {
            executor.execute(() -> {
                try {
                    if (leading) {
                        task.run();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception | Error e) {
                    log.warn("event=leader_task_failed task={} error=\"{}\"", task.name(), e.getClass().getSimpleName());
                    if (e instanceof Error error) {
                        throw error;
                    }
                } finally {
                    running.remove(task.name());
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(task.name());
        }
    }

    /** A clean stop: another instance may lead at once. */
    public void stepDown() {
        if (leading) {
            leading = false;
            try {
                leases.release(LEASE_NAME, instance);
                log.info("event=stepped_down instance={}", instance);
            } catch (RuntimeException e) {
                log.info("event=step_down_failed instance={} error=\"{}\"", instance, e.getClass().getSimpleName());
            }
        }
    }
}
