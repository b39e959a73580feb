package dev.lifeboat.slack;

import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Private answers that may be shared in the channel, kept for {@link #KEEP} so "Share in channel" posts exactly the
 * report the person saw (not a fresh one). Bounded: the oldest are dropped beyond {@link #MAX}.
 */
@Singleton
final class SharedReplies {
    static final Duration KEEP = Duration.ofMinutes(30);
    static final int MAX = 1_000;

    private record Entry(Reply reply, Instant storedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    SharedReplies(Clock clock) {
        this.clock = clock;
    }

    String put(Reply reply) {
        Instant now = clock.instant();
        entries.values().removeIf(e -> e.storedAt().plus(KEEP).isBefore(now));
        while (entries.size() >= MAX) {
            entries.entrySet().stream().min(Comparator.comparing(e -> e.getValue().storedAt()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey()));
        }
        String id = UUID.randomUUID().toString();
        entries.put(id, new Entry(reply, now));
        return id;
    }

    Optional<Reply> get(String id) {
        Entry entry = entries.get(id);
        if (entry == null || entry.storedAt().plus(KEEP).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.reply());
    }
}
