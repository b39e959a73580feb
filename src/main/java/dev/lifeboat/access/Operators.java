package dev.lifeboat.access;

import dev.lifeboat.command.Actor;
import dev.lifeboat.config.AccessSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who may run changing commands: {@code LIFEBOAT_OPERATORS} user ids directly, and members of the listed
 * user groups (asked of Slack, cached for {@link #CACHE_FOR}). Console users are trusted: they hold the credentials.
 */
@Singleton
public final class Operators {
    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(Operators.class);

    private record Cached(Set<String> members, Instant fetchedAt) {
    }

    private final AccessSettings settings;
    private final GroupDirectory directory;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public Operators(AccessSettings settings, GroupDirectory directory, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
    }

    public boolean mayChange(Actor actor) {
        if (actor.isConsole()) {
            return true;
        }
        if (settings.operatorUsers().contains(actor.id())) {
            return true;
        }
        for (String group : settings.operatorGroups()) {
            if (membersOf(group).contains(actor.id())) {
                return true;
            }
        }
        return false;
    }

    /** True when nobody at all may change anything in Slack. */
    public boolean nobody() {
        return settings.operators().isEmpty();
    }

    /** "<@U1>, <!subteam^S1>" for messages, or "nobody (LIFEBOAT_OPERATORS is empty)". */
    public String describe() {
        if (nobody()) {
            return "nobody (LIFEBOAT_OPERATORS is empty)";
        }
        List<String> names = settings.operators().stream()
                .map(id -> id.startsWith("S") ? "<!subteam^" + id + ">" : "<@" + id + ">")
                .toList();
        return String.join(", ", names);
    }

    private Set<String> membersOf(String group) {
        Instant now = clock.instant();
        Cached cached = cache.get(group);
        if (cached != null && cached.fetchedAt().plus(CACHE_FOR).isAfter(now)) {
            return cached.members();
        }
        try {
            Set<String> members = Set.copyOf(directory.members(group));
            cache.put(group, new Cached(members, now));
            return members;
        } catch (RuntimeException e) {
            log.warn("event=operator_group_lookup_failed group={} error={}", group, e.getMessage());
            // Fail closed, but keep using a recent answer rather than locking everyone out during a Slack blip.
            return cached != null ? cached.members() : Set.of();
        }
    }
}
