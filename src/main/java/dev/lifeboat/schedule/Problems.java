package dev.lifeboat.schedule;

import dev.lifeboat.command.UsageException;
import dev.lifeboat.config.Redact;
import dev.lifeboat.http.InvalidIdException;
import dev.lifeboat.http.UpstreamException;

/** A failure in words for a person, as the command runner words it: never a stack trace, never a secret. */
final class Problems {
    private Problems() {
    }

    static String words(Exception e) {
        if (e instanceof UpstreamException || e instanceof UsageException || e instanceof InvalidIdException) {
            return Redact.text(String.valueOf(e.getMessage()));
        }
        return "an unexpected error (" + e.getClass().getSimpleName() + "; the details are in Lifeboat's log)";
    }

    /** One line of at most {@code max} characters. */
    static String line(String text, int max) {
        String one = text.replaceAll("\\s*\\n+\\s*", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
