package dev.lifeboat.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command answers, independent of where it is shown. The Slack adapter renders it as Block Kit, the console
 * as text. Text uses Slack's mrkdwn subset: {@code *bold*}, {@code _italic_}, {@code `code`}, {@code <url|label>}.
 *
 * @param summary   one line used as the notification text and the console's first line
 * @param blocks    the body
 * @param visibility who sees it in Slack
 * @param shareable  whether Slack offers a button to post this private answer in the channel
 */
public record Reply(String summary, List<Block> blocks, Visibility visibility, boolean shareable) {
    public Reply {
        blocks = List.copyOf(blocks);
    }

    public Reply(String summary, List<Block> blocks, Visibility visibility) {
        this(summary, blocks, visibility, false);
    }

    public enum Visibility {
        /** Only the person who asked (Slack's ephemeral response). */
        PRIVATE,
        /** Everyone in the channel. */
        CHANNEL
    }

    /** A plain private answer of one paragraph. */
    public static Reply text(String markdown) {
        return builder(firstLine(markdown)).section(markdown).build();
    }

    public static Builder builder(String summary) {
        return new Builder(summary);
    }

    public Reply withVisibility(Visibility newVisibility) {
        return new Reply(summary, blocks, newVisibility, shareable);
    }

    /** The same reply with a line of small print added at the end (and no longer shareable). */
    public Reply withContext(String markdown) {
        List<Block> more = new ArrayList<>(blocks);
        more.add(new Block.Context(markdown));
        return new Reply(summary, more, visibility, false);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Collects blocks in order. */
    public static final class Builder {
        private final String summary;
        private final List<Block> blocks = new ArrayList<>();
        private Visibility visibility = Visibility.PRIVATE;
        private boolean shareable;

        private Builder(String summary) {
            this.summary = summary;
        }

        public Builder header(String text) {
            blocks.add(new Block.Header(text));
            return this;
        }

        public Builder section(String markdown) {
            blocks.add(new Block.Section(markdown));
            return this;
        }

        public Builder fields(List<String> fields) {
            blocks.add(new Block.Fields(fields));
            return this;
        }

        public Builder context(String markdown) {
            blocks.add(new Block.Context(markdown));
            return this;
        }

        public Builder divider() {
            blocks.add(new Block.Divider());
            return this;
        }

        public Builder buttons(List<Button> buttons) {
            if (!buttons.isEmpty()) {
                blocks.add(new Block.Actions(buttons));
            }
            return this;
        }

        public Builder visibility(Visibility value) {
            this.visibility = value;
            return this;
        }

        /** Offers a "Share in channel" button in Slack. */
        public Builder shareable() {
            this.shareable = true;
            return this;
        }

        public Reply build() {
            return new Reply(summary, blocks, visibility, shareable);
        }
    }
}
