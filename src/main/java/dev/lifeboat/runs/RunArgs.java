package dev.lifeboat.runs;

import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunIds;
import java.util.Locale;

/** The RUN word of {@code confirm}, {@code approve} and {@code cancel}: present, shaped like a run id, and known. */
final class RunArgs {
    private RunArgs() {
    }

    /** The run named by the first argument; bad or unknown ids are refused with the reason (the runner adds usage). */
    static Run run(Invocation invocation, RunEngine engine, String verb, int maxArgs) {
        String word = invocation.arg(0).orElseThrow(() -> new UsageException("Say which run to " + verb
                + ", e.g. `/dr " + verb + " r-7k2m9q` (the id is on the run's card and in its message)."));
        if (invocation.args().size() > maxArgs) {
            throw new UsageException("Too many words: `" + verb + "` takes " + (maxArgs == 1 ? "only a run id."
                    : "a run id and the word you were asked to type."));
        }
        String id = word.toLowerCase(Locale.ROOT);
        if (!RunIds.looksLikeRunId(id)) {
            throw new UsageException("`" + cut(word) + "` is not a run id: run ids look like `r-7k2m9q`.");
        }
        return engine.find(id).orElseThrow(() -> new UsageException("There is no run `" + id
                + "`: check the id on the card (`/dr history` lists recent commands)."));
    }

    private static String cut(String word) {
        String clean = word.replace('`', '\'');
        return clean.length() > 40 ? clean.substring(0, 39) + "…" : clean;
    }
}
