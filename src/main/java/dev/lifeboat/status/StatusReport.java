package dev.lifeboat.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code /dr status} found.
 *
 * @param asOf      when the upstream round started
 * @param verdict   the overall line
 * @param diagnosis which side the trouble is likely on, when something is wrong
 * @param sections  App, Database, Website, Platforms
 * @param nextSteps commands that fit the state (only commands that exist)
 * @param missing   the checks that did not complete this round, e.g. "App (Dynos)": the verdict rests on the rest
 */
public record StatusReport(Instant asOf, Verdict verdict, Optional<String> diagnosis, List<Section> sections,
                           List<NextStep> nextSteps, List<String> missing) {
    public StatusReport {
        sections = List.copyOf(sections);
        nextSteps = List.copyOf(nextSteps);
        missing = List.copyOf(missing);
    }

    /** A line saying which facts the verdict could not use, when it is not all clear and some are missing. */
    public Optional<String> caveat() {
        if (verdict == Verdict.ALL_CLEAR || missing.isEmpty()
                || diagnosis.filter(d -> d.startsWith("Some checks did not answer")).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("_Based on partial facts; not known this round: " + String.join(", ", missing) + "._");
    }

    public enum Verdict {
        ALL_CLEAR(":white_check_mark:", "All clear"),
        DEGRADED(":warning:", "Degraded"),
        DOWN(":rotating_light:", "Down");

        private final String emoji;
        private final String label;

        Verdict(String emoji, String label) {
            this.emoji = emoji;
            this.label = label;
        }

        public String emoji() {
            return emoji;
        }

        public String label() {
            return label;
        }
    }

    /** A suggested next command, e.g. {@code restart web}. */
    public record NextStep(String label, String command, boolean danger) {
    }
}
