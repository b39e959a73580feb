package dev.lifeboat.command;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every registered command, found by the longest run of leading words that names one. */
@Singleton
public final class CommandRegistry {
    /** The command found for a text, and the words after its name. */
    public record Match(CommandHandler handler, List<String> args) {
    }

    private final Map<List<String>, CommandHandler> byWords = new HashMap<>();
    private final List<CommandHandler> ordered;
    private final int longestName;

    @Inject
    public CommandRegistry(Set<CommandHandler> handlers) {
        for (CommandHandler handler : handlers) {
            CommandHandler previous = byWords.put(handler.spec().words(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for '" + handler.spec().name() + "': "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        List<CommandHandler> sorted = new ArrayList<>(handlers);
        sorted.sort(Comparator.comparing(h -> h.spec().name()));
        this.ordered = List.copyOf(sorted);
        this.longestName = handlers.stream().mapToInt(h -> h.spec().words().size()).max().orElse(1);
    }

    /** Splits command text into words. */
    public static List<String> words(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    public Optional<Match> find(List<String> words) {
        for (int n = Math.min(longestName, words.size()); n >= 1; n--) {
            List<String> key = words.subList(0, n).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
            CommandHandler handler = byWords.get(key);
            if (handler != null) {
                return Optional.of(new Match(handler, List.copyOf(words.subList(n, words.size()))));
            }
        }
        return Optional.empty();
    }

    /** All commands, alphabetically. */
    public List<CommandHandler> all() {
        return ordered;
    }

    /** Command names sharing the first word, for "did you mean" answers. */
    public List<String> namesStartingWith(String firstWord) {
        return ordered.stream().map(h -> h.spec().name())
                .filter(name -> name.startsWith(firstWord.toLowerCase(Locale.ROOT) + " "))
                .toList();
    }
}
