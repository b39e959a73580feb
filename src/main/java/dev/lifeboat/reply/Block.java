package dev.lifeboat.reply;

import java.util.List;

/** One piece of a {@link Reply}. */
public sealed interface Block {
    /** A title line (plain text). */
    record Header(String text) implements Block {
    }

    /** A paragraph of mrkdwn. */
    record Section(String markdown) implements Block {
    }

    /** Short label/value pairs shown side by side (mrkdwn each). */
    record Fields(List<String> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** Small print: timestamps, hints. */
    record Context(String markdown) implements Block {
    }

    /** A rule between sections. */
    record Divider() implements Block {
    }

    /** Buttons for next steps. */
    record Actions(List<Button> buttons) implements Block {
        public Actions {
            buttons = List.copyOf(buttons);
        }
    }
}
