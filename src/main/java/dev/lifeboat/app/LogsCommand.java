package dev.lifeboat.app;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.Surface;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.config.Redact;
import dev.lifeboat.heroku.ConfigVars;
import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.LogRequest;
import dev.lifeboat.http.PathId;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.reply.Reply;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * {@code logs [LINES] [DYNO]}: the newest log lines of the app (or of one dyno or process type), answered privately
 * as code, with the values of the app's config vars and every secret-looking part hidden. Read-only: no card. The
 * config vars are read first; when they cannot be, no line is shown (their values could not be hidden).
 */
final class LogsCommand implements CommandHandler {
    static final int DEFAULT_LINES = 100;
    /** Log sources that are not dynos but may be asked for like one. */
    private static final Set<String> SOURCES = Set.of("router", "api");
    private static final CommandSpec SPEC = CommandSpec.reads("logs", "[LINES] [DYNO]",
            "the app's newest log lines (default " + DEFAULT_LINES + ", at most " + LogRequest.MAX_LINES
                    + "), of one dyno or process type if named; secrets hidden; only you see them");

    private final AppParts parts;
    private final AppTargets targets;

    @Inject
    LogsCommand(AppParts parts, AppTargets targets) {
        this.parts = parts;
        this.targets = targets;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** What was asked: how many lines, of which dyno, and whether the number was lowered to the maximum. */
    record Ask(int lines, Optional<String> dyno, boolean lowered) {
    }

    @Override
    public Reply handle(Invocation invocation) {
        Ask ask = parse(invocation.args());
        if (!parts.hasHeroku() || targets.app().isEmpty()) {
            return Reply.text(":warning: Logs need Heroku: set HEROKU_API_KEY and HEROKU_APP.");
        }
        String app = targets.app().get();
        if (ask.dyno().isPresent() && !SOURCES.contains(ask.dyno().get())) {
            List<Dyno> dynos = parts.heroku().dynos(app);
            String name = ask.dyno().get();
            if (dynos.stream().noneMatch(d -> d.name().equals(name) || d.type().equals(name))) {
                Set<String> known = new TreeSet<>();
                dynos.forEach(d -> {
                    known.add(d.type());
                    known.add(d.name());
                });
                return Reply.text(":no_entry: No dyno or process type `" + name + "` runs on " + app + "; ask for one of "
                        + (known.isEmpty() ? "none (no dynos run)" : String.join(", ", known)) + ", or `router`.");
            }
        }
        ConfigVars vars;
        try {
            vars = parts.heroku().configVars(app);
        } catch (UpstreamException e) {
            return Reply.text(":no_entry: The logs are not shown: " + app + "'s config vars could not be read, so their "
                    + "values could not be hidden. " + Redact.text(e.getMessage()));
        }
        LogRequest request = new LogRequest(ask.lines(), ask.dyno());
        LogLines read = parts.heroku().recentLogs(app, request, parts.timings.logsTimeLimit());
        UnaryOperator<String> hide = LogText.redactor(vars);
        List<String> lines = read.lines().stream().map(hide).toList();
        return LogsAnswer.render(app, ask, lines, read.end(), parts.timings.logsTimeLimit(),
                invocation.surface() == Surface.SLACK ? LogsAnswer.SLACK_BUDGET : Integer.MAX_VALUE);
    }

    static Ask parse(List<String> args) {
        Optional<Integer> lines = Optional.empty();
        Optional<String> dyno = Optional.empty();
        for (String arg : args) {
            if (arg.matches("[0-9]{1,9}")) {
                if (lines.isPresent()) {
                    throw new UsageException("Give the number of lines once, e.g. `/dr logs 200 web.1`.");
                }
                lines = Optional.of(Integer.parseInt(arg));
            } else {
                if (dyno.isPresent()) {
                    throw new UsageException("Name one dyno (`web.1`) or process type (`web`), e.g. `/dr logs 200 "
                            + "web.1`.");
                }
                dyno = Optional.of(PathId.isValid(PathId.Kind.DYNO, arg) ? arg
                        : PathId.require(PathId.Kind.PROCESS_TYPE, arg));
            }
        }
        int n = lines.orElse(DEFAULT_LINES);
        if (n < 1) {
            throw new UsageException("Ask for at least one line, e.g. `/dr logs 100`.");
        }
        return new Ask(Math.min(n, LogRequest.MAX_LINES), dyno, n > LogRequest.MAX_LINES);
    }
}
