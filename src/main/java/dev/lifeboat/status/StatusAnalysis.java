package dev.lifeboat.status;

import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.s3.OffsiteCopy;
import dev.lifeboat.status.StatusReport.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns the facts of one round into the report: a section per system, the verdict, the likely side of the trouble
 * and the next steps. Pure: no I/O, the same facts always give the same report.
 *
 * <p>Only what was observed counts: a check that did not complete is unknown, never down. "Down" needs an observed
 * failure of our app or website (a health check or site check that failed, or no web dyno up); a platform's outage
 * alone is never "Down" for us. A verdict reached while some checks did not answer names them.
 */
public final class StatusAnalysis {
    private StatusAnalysis() {
    }

    /**
     * @param facts         what the round found
     * @param commandExists whether a command name is registered (next steps offer only commands that exist)
     */
    public static StatusReport analyse(StatusFacts facts, Predicate<String> commandExists) {
        Signals signals = new Signals();
        List<Section> sections = List.of(
                AppSection.build(facts, signals),
                DatabaseSection.build(facts, signals),
                WebsiteSection.build(facts, signals),
                PlatformsSection.build(facts, signals));
        Verdict verdict = verdict(sections);
        Optional<String> diagnosis = verdict == Verdict.ALL_CLEAR ? Optional.empty() : Diagnosis.diagnose(signals);
        return new StatusReport(facts.asOf(), verdict, diagnosis, sections,
                Diagnosis.nextSteps(signals, commandExists), signals.unanswered);
    }

    /**
     * The diagnosis of one subject (the app, or the website) from a round's facts: ours or the platform's, worded as
     * {@code status} words it. Empty when the round observed nothing wrong with that subject.
     */
    public static Optional<String> diagnosis(StatusFacts facts, Subject subject) {
        return Diagnosis.about(signals(facts), subject);
    }

    /** The next steps that concern one subject, only for commands that exist (see {@link #analyse}). */
    public static List<StatusReport.NextStep> nextSteps(StatusFacts facts, Subject subject,
                                                        Predicate<String> commandExists) {
        return Diagnosis.nextSteps(signals(facts), subject, commandExists);
    }

    private static Signals signals(StatusFacts facts) {
        Signals signals = new Signals();
        AppSection.build(facts, signals);
        DatabaseSection.build(facts, signals);
        WebsiteSection.build(facts, signals);
        PlatformsSection.build(facts, signals);
        return signals;
    }

    /** Down: an observed failure of the app, database or website. Degraded: any warning or unknown, anywhere. */
    static Verdict verdict(List<Section> sections) {
        boolean down = sections.stream().filter(sec -> !sec.name().startsWith("Platforms"))
                .anyMatch(sec -> sec.health() == Health.DOWN);
        if (down) {
            return Verdict.DOWN;
        }
        boolean degraded = sections.stream().anyMatch(sec -> sec.health() == Health.WARNING
                || sec.health() == Health.UNKNOWN || sec.health() == Health.DOWN);
        return degraded ? Verdict.DEGRADED : Verdict.ALL_CLEAR;
    }

    /** The S3 copy of a backup: the key's file name is the backup's name (a042.dump). */
    public static Optional<OffsiteCopy> copyOf(Transfer backup, List<OffsiteCopy> copies) {
        return DatabaseSection.copyOf(backup, copies);
    }
}
