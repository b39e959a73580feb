package dev.lifeboat.incident;

import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.statuspage.IncidentStatus;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code incident} commands: each a small handler over {@link Incidents}. */
final class IncidentCommands {
    private IncidentCommands() {
    }

    /** {@code incident}: the open incident. */
    static final class Show implements CommandHandler {
        private final Incidents incidents;

        @Inject
        Show(Incidents incidents) {
            this.incidents = incidents;
        }

        @Override
        public CommandSpec spec() {
            return CommandSpec.reads("incident", "", "the open incident: its announcement, status, who opened it, for how"
                    + " long, its timeline and the status page");
        }

        @Override
        public Reply handle(Invocation invocation) {
            return incidents.show();
        }
    }

    /** {@code incident open SUMMARY}: a private preview with Post / Edit / Cancel. */
    static final class Open implements CommandHandler {
        private final Incidents incidents;

        @Inject
        Open(Incidents incidents) {
            this.incidents = incidents;
        }

        @Override
        public CommandSpec spec() {
            return CommandSpec.changes("incident open", "SUMMARY", "announce an outage: a private preview of the"
                    + " plan's template with SUMMARY as the reason; Post puts it in the incident channel and opens"
                    + " the status-page incident (investigating, subscribers notified)");
        }

        @Override
        public Reply handle(Invocation invocation) {
            return incidents.draft(invocation.actor(), invocation.rest());
        }
    }

    /** {@code incident post DRAFT}: the preview's Post button. */
    static final class Post implements CommandHandler {
        private final Incidents incidents;

        @Inject
        Post(Incidents incidents) {
            this.incidents = incidents;
        }

        @Override
        public CommandSpec spec() {
            return CommandSpec.changes("incident post", "DRAFT", "post your previewed incident (its Post button)");
        }

        @Override
        public Reply handle(Invocation invocation) {
            return incidents.post(invocation.actor(), draftId(invocation));
        }
    }

    /** {@code incident edit DRAFT TEXT}: the preview's Edit button. */
    static final class Edit implements CommandHandler {
        private final Incidents incidents;

        @Inject
        Edit(Incidents incidents) {
            this.incidents = incidents;
        }

        @Override
        public CommandSpec spec() {
            return CommandSpec.changes("incident edit", "DRAFT TEXT", "replace the text of your previewed incident"
                    + " (its Edit button) and show the preview again");
        }

        @Override
        public Reply handle(Invocation invocation) {
            String id = draftId(invocation);
            List<String> rest = invocation.args().subList(1, invocation.args().size());
            return incidents.edit(invocation.actor(), id, String.join(" ", rest));
        }
    }

    /** {@code incident discard DRAFT}: the preview's Cancel button. */
    static final class Discard implements CommandHandler {
        private final Incidents incidents;

        @Inject
        Discard(Incidents incidents) {
            this.incidents = incidents;
        }

        @Override
        public CommandSpec spec() {
            return CommandSpec.changes("incident discard", "DRAFT", "drop your previewed incident unposted (its"
                    + " Cancel button)");
        }

        @Override
        public Reply handle(Invocation invocation) {
            return incidents.discard(invocation.actor(), draftId(invocation));
        }
    }

    /** {@code incident update TEXT [identified|monitoring]}. */
    static final class Update implements CommandHandler {
        private final Incidents incidents;

        @Inject
        Update(Incidents incidents) {
            this.incidents = incidents;
        }

        @Override
        public CommandSpec spec() {
            return CommandSpec.changes("incident update", "TEXT [identified|monitoring]", "post an update on the open"
                    + " incident, in the channel's timeline and on the status page; a last word identified or"
                    + " monitoring sets its status");
        }

        @Override
        public Reply handle(Invocation invocation) {
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
    }

    /** {@code incident resolve [TEXT]}. */
    static final class Resolve implements CommandHandler {
        private final Incidents incidents;

        @Inject
        Resolve(Incidents incidents) {
            this.incidents = incidents;
        }

        @Override
        public CommandSpec spec() {
            return CommandSpec.changes("incident resolve", "[TEXT]", "resolve the open incident in the channel (with"
                    + " its duration) and on the status page (components back to operational)");
        }

        @Override
        public Reply handle(Invocation invocation) {
            return incidents.resolve(invocation.actor(), invocation.rest());
        }
    }

    private static String draftId(Invocation invocation) {
        String id = invocation.arg(0).orElseThrow(() -> new UsageException("Which draft? Its id is on the preview."));
        if (!id.matches("i-[a-z2-9]{6}")) {
            throw new UsageException("`" + id.replace("`", "") + "` is not an incident draft id (like i-4k7m2q).");
        }
        return id;
    }
}
