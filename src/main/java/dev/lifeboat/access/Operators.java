package dev.lifeboat.access;

import dev.lifeboat.command.Actor;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.config.Redact;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who may run changing commands: {@code LIFEBOAT_OPERATORS} user ids directly, and members of the listed
 * user groups (asked of Slack, cached for {@link #CACHE_FOR}). Console users are trusted: they hold the credentials.
 *
 * <p>While Slack cannot be asked, the last answer is used for up to {@link #STALE_LIMIT} after it was fetched; after
 * that a person the groups might admit is denied with the reason, never admitted on a guess. A failed lookup is
 * remembered for {@link #RETRY_AFTER}, so an outage of Slack does not make every command call Slack again.
 */
@Singleton
public final class Operators {
    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    static final Duration STALE_LIMIT = Duration.ofMinutes(30);
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private static final int REASON_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(Operators.class);

    /** Whether a person may change things, and if not, why. */
    public sealed interface Decision {
        default boolean allowed() {
            return this instanceof Allowed;
        }
    }

    /** An operator, directly or through a group. */
    public record Allowed() implements Decision {
    }

    /** Not in {@code LIFEBOAT_OPERATORS}, and not in any of its groups. */
    public record NotAnOperator() implements Decision {
    }

    /** Only a group could admit this person, and Slack could not say who is in it. */
    public record CannotCheck(String slackReason) implements Decision {
        /** "Lifeboat cannot check the operators group right now (Slack: …); try again shortly." */
        public String message() {
            return "Lifeboat cannot check the operators group right now (Slack: " + slackReason
                    + "); try again shortly.";
        }
    }

    /** What is known of one group: its members as last fetched, and the last failure to fetch them. */
    private record Known(Set<String> members, Instant fetchedAt, String failure, Instant failedAt) {
    }

    private final AccessSettings settings;
    private final GroupDirectory directory;
    private final Clock clock;
    private final ConcurrentHashMap<String, Known> cache = new ConcurrentHashMap<>();

    @Inject
    public Operators(AccessSettings settings, GroupDirectory directory, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
    }

    public Decision decide(Actor actor) {
        if (actor.isConsole() || settings.operatorUsers().contains(actor.id())) {
            return new Allowed();
        }
        Instant now = clock.instant();
        Optional<String> unknown = Optional.empty();
        for (String group : settings.operatorGroups()) {
            Known known = lookUp(group, now);
            Optional<Set<String>> members = usable(known, now);
            if (members.isPresent() && members.get().contains(actor.id())) {
                return new Allowed();
            }
            if (members.isEmpty()) {
                unknown = Optional.of(known.failure());
            }
        }
        return unknown.<Decision>map(CannotCheck::new).orElseGet(NotAnOperator::new);
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

    /** The group as known now: from the cache while fresh, or while Slack failed less than RETRY_AFTER ago. */
    private Known lookUp(String group, Instant now) {
        Known known = cache.get(group);
        boolean fresh = known != null && known.members() != null && now.isBefore(known.fetchedAt().plus(CACHE_FOR));
        boolean failedLately = known != null && known.failedAt() != null
                && now.isBefore(known.failedAt().plus(RETRY_AFTER));
        if (fresh || failedLately) {
            return known;
        }
        try {
            Known fetched = new Known(Set.copyOf(directory.members(group)), now, null, null);
            cache.put(group, fetched);
            return fetched;
        } catch (RuntimeException e) {
            String reason = reason(e);
            log.warn("event=operator_group_lookup_failed group={} error=\"{}\"", group, reason);
            Known failed = known == null ? new Known(null, null, reason, now)
                    : new Known(known.members(), known.fetchedAt(), reason, now);
            cache.put(group, failed);
            return failed;
        }
    }

    /** The members, if they were fetched less than STALE_LIMIT ago. */
    private static Optional<Set<String>> usable(Known known, Instant now) {
        if (known.members() == null || !now.isBefore(known.fetchedAt().plus(STALE_LIMIT))) {
            return Optional.empty();
        }
        return Optional.of(known.members());
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : Redact.text(e.getMessage().strip().replaceAll("\\s+", " "));
        return message.length() > REASON_LENGTH ? message.substring(0, REASON_LENGTH) + "…" : message;
    }
}
