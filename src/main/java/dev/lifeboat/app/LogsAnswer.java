package dev.lifeboat.app;

import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.LogRequest;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.runbook.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The private answer to {@code logs}: the lines as code blocks, newest last, and a note for everything that was not
 * shown and why. Slack shows about 12,000 characters of a message, so there the newest lines that fit
 * {@link #SLACK_BUDGET} are kept; the console shows them all. Pure.
 */
final class LogsAnswer {
    /** Characters of log text a Slack answer carries (its limit is 12,000 in all). */
    static final int SLACK_BUDGET = 10_000;
    /** Characters of one code block (a section holds 3,000). */
    static final int BLOCK = 2_800;

    private LogsAnswer() {
    }

    static Reply render(String app, LogsCommand.Ask ask, List<String> redacted, LogLines.End end, Duration timeLimit,
                        int budget) {
        String of = app + ask.dyno().map(d -> " (" + d + ")").orElse("");
        List<String> safe = redacted.stream().map(LogText::codeBlockSafe).toList();
        int kept = 0;
        int used = 0;
        for (int i = safe.size() - 1; i >= 0; i--) {
            int length = safe.get(i).length() + 1;
            if (used + length > budget) {
                break;
            }
            used += length;
            kept++;
        }
        List<String> shown = safe.subList(safe.size() - kept, safe.size());
        String summary = "Logs of " + of + ": " + (shown.isEmpty() ? "no lines" : "the newest " + shown.size()
                + (shown.size() == 1 ? " line" : " lines"));
        Reply.Builder reply = Reply.builder(summary).header("Logs of " + of);
        if (redacted.isEmpty()) {
            reply.section("Heroku sent no log lines" + (end == LogLines.End.COMPLETE ? "" : " (" + why(end, 0,
                    timeLimit) + ")") + ".");
        }
        for (String block : blocks(shown)) {
            reply.section("```\n" + block + "\n```");
        }
        reply.context(notes(ask, redacted.size(), shown.size(), end, timeLimit));
        return reply.build();
    }

    private static List<String> blocks(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : lines) {
            if (block.length() > 0 && block.length() + line.length() + 1 > BLOCK) {
                out.add(block.toString());
                block.setLength(0);
            }
            if (block.length() > 0) {
                block.append('\n');
            }
            block.append(line);
        }
        if (block.length() > 0) {
            out.add(block.toString());
        }
        return out;
    }

    private static String notes(LogsCommand.Ask ask, int read, int shown, LogLines.End end, Duration timeLimit) {
        List<String> notes = new ArrayList<>();
        notes.add((shown == 0 ? "" : "Oldest first. ") + "Hidden: config var values (shown as `[NAME]`), tokens, keys "
                + "and passwords in URLs (`****`).");
        if (ask.lowered()) {
            notes.add("At most " + LogRequest.MAX_LINES + " lines are read.");
        }
        if (shown < read) {
            int cut = read - shown;
            notes.add(cut + " older " + (cut == 1 ? "line" : "lines") + " cut to fit Slack's message limit: ask for "
                    + "fewer (`/dr logs 50`) or one dyno (`/dr logs 100 web.1`), or read them all in "
                    + "`./lifeboat console`.");
        }
        if (read > 0 && end != LogLines.End.COMPLETE && end != LogLines.End.LINE_LIMIT) {
            notes.add(why(end, read, timeLimit) + ".");
        } else if (read > 0 && read < ask.lines()) {
            notes.add("Heroku had " + read + " of the " + ask.lines() + " lines asked for.");
        }
        return String.join(" ", notes);
    }

    private static String why(LogLines.End end, int read, Duration timeLimit) {
        return switch (end) {
            case TIME_LIMIT -> "Heroku sent " + (read == 0 ? "none" : "only these " + read) + " within "
                    + Durations.words(timeLimit);
            case BROKEN -> "the log stream broke" + (read == 0 ? "" : " after " + read + " lines");
            default -> "";
        };
    }
}
