package dev.lifeboat.incident;

import com.google.inject.Provider;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.statuspage.IncidentStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/** The {@code incident} commands: each its words and one call on {@link Incidents}. */
final class IncidentCommands {
    private IncidentCommands() {
    }

    private static final CommandSpec SHOW_SPEC =
            CommandSpec.reads("incident", "", "the open incident: its announcement, status, who opened it, for how"
                    + " long, its timeline and the status page");
    private static final CommandSpec OPEN_SPEC =
            CommandSpec.changes("incident open", "SUMMARY", "announce an outage: a private preview of the"
                    + " plan's template with SUMMARY as the reason; Post puts it in the incident channel and opens"
                    + " the status-page incident (investigating, subscribers notified)");
    private static final CommandSpec POST_SPEC =
            CommandSpec.changes("incident post", "DRAFT", "post your previewed incident (its Post button)");
    private static final CommandSpec EDIT_SPEC =
            CommandSpec.changes("incident edit", "DRAFT TEXT", "replace the text of your previewed incident"
                    + " (its Edit button) and show the preview again");
    private static final CommandSpec DISCARD_SPEC =
            CommandSpec.changes("incident discard", "DRAFT", "drop your previewed incident unposted (its"
                    + " Cancel button)");
    private static final CommandSpec UPDATE_SPEC =
            CommandSpec.changes("incident update", "TEXT [identified|monitoring]", "post an update on the open"
                    + " incident, in the channel's timeline and on the status page; a last word identified or"
                    + " monitoring sets its status");
    private static final CommandSpec RESOLVE_SPEC =
            CommandSpec.changes("incident resolve", "[TEXT]", "resolve the open incident in the channel (with"
                    + " its duration) and on the status page (components back to operational)");

    /** Every {@code incident} command, over {@code incidents} (asked for when a command runs). */
    static List<CommandHandler> all(Provider<Incidents> incidents) {
        return List.of(
                // incident: the open incident.
                command(SHOW_SPEC, incidents, (i, in) -> i.show()),
                // incident open SUMMARY: a private preview with Post / Edit / Cancel.
                command(OPEN_SPEC, incidents, (i, in) -> i.draft(in.actor(), in.rest())),
                // incident post DRAFT: the preview's Post button.
                command(POST_SPEC, incidents, (i, in) -> i.post(in.actor(), draftId(in))),
                // incident edit DRAFT TEXT: the preview's Edit button.
                command(EDIT_SPEC, incidents, (i, in) -> i.edit(in.actor(), draftId(in),
                        String.join(" ", in.args().subList(1, in.args().size())))),
                // incident discard DRAFT: the preview's Cancel button.
                command(DISCARD_SPEC, incidents, (i, in) -> i.discard(in.actor(), draftId(in))),
                command(UPDATE_SPEC, incidents, IncidentCommands::update),
                command(RESOLVE_SPEC, incidents, (i, in) -> i.resolve(in.actor(), in.rest())));
    }

    private static CommandHandler command(CommandSpec spec, Provider<Incidents> incidents,
                                          BiFunction<Incidents, Invocation, Reply> action) {
        return new CommandHandler() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public Reply handle(Invocation invocation) {
                return action.apply(incidents.get(), invocation);
            }
        };
    }

    /** {@code incident update TEXT [identified|monitoring]}: a last word that names a status sets it. */
    private static Reply update(Incidents incidents, Invocation invocation) {
        List<String> args = invocation.args();
        Optional<IncidentStatus> status = Optional.empty();
        if (!args.isEmpty()) {
            String last = args.get(args.size() - 1).toLowerCase(Locale.ROOT);
            if (last.equals("identified") || last.equals("monitoring") || last.equals("investigating")) {
                status = Optional.of(IncidentStatus.fromJson(last));
                args = args.subList(0, args.size() - 1);
            }
        }
        return incidents.update(invocation.actor(), String.join(" ", args), status);
    }

    private static String draftId(Invocation invocation) {
        String id = invocation.arg(0).orElseThrow(() -> new UsageException("Which draft? Its id is on the preview."));
        if (!id.matches("i-[a-z2-9]{6}")) {
            throw new UsageException("`" + id.replace("`", "") + "` is not an incident draft id (like i-4k7m2q).");
        }
        return id;
    }
}
