package dev.lifeboat.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.lifeboat.reply.Block;
import dev.lifeboat.reply.Button;
import dev.lifeboat.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as Block Kit, always within Slack's limits: at most 50 blocks, 3,000 characters per
 * section (longer text is split at line ends), 150 per header, 10 fields, 25 buttons. What does not fit is cut
 * with a note saying how much was left out, so Slack never rejects the message.
 */
public final class BlockKit {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_HEADER = 150;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD = 2000;
    static final int MAX_BUTTONS = 25;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_TOTAL_TEXT = 12_000;
    public static final String RUN_ACTION_PREFIX = "lifeboat:run:";
    public static final String SHARE_ACTION = "lifeboat:share";

    private BlockKit() {
    }

    /** The reply with a "Share in channel" button that carries {@code shareId}. */
    public static List<LayoutBlock> renderShareable(Reply reply, String shareId) {
        List<LayoutBlock> out = new ArrayList<>(render(reply, 1));
        ButtonElement share = ButtonElement.builder()
                .text(plainText("Share in channel"))
                .actionId(SHARE_ACTION)
                .value(shareId)
                .build();
        out.add(actions(b -> b.elements(List.of(share))));
        return out;
    }

    public static List<LayoutBlock> render(Reply reply) {
        return render(reply, 0);
    }

    private static List<LayoutBlock> render(Reply reply, int reserved) {
        List<LayoutBlock> out = new ArrayList<>();
        int buttonIndex = 0;
        int totalText = 0;
        int dropped = 0;
        for (Block block : reply.blocks()) {
            List<LayoutBlock> rendered = new ArrayList<>();
            int text = 0;
            if (block instanceof Block.Header h) {
                String t = cut(h.text(), MAX_HEADER);
                rendered.add(header(b -> b.text(plainText(t))));
                text = t.length();
            } else if (block instanceof Block.Section s) {
                for (String chunk : chunks(s.markdown(), MAX_SECTION)) {
                    rendered.add(section(b -> b.text(markdownText(chunk))));
                    text += chunk.length();
                }
            } else if (block instanceof Block.Fields f) {
                List<TextObject> fields = new ArrayList<>();
                for (String field : f.fields().subList(0, Math.min(MAX_FIELDS, f.fields().size()))) {
                    String t = cut(field, MAX_FIELD);
                    fields.add(markdownText(t));
                    text += t.length();
                }
                rendered.add(section(b -> b.fields(fields)));
            } else if (block instanceof Block.Context c) {
                String t = cut(c.markdown(), MAX_SECTION);
                rendered.add(context(b -> b.elements(List.of(markdownText(t)))));
                text = t.length();
            } else if (block instanceof Block.Divider) {
                rendered.add(divider());
            } else if (block instanceof Block.Actions a) {
                List<BlockElement> buttons = new ArrayList<>();
                for (Button button : a.buttons().subList(0, Math.min(MAX_BUTTONS, a.buttons().size()))) {
                    buttons.add(button(button, buttonIndex++));
                }
                rendered.add(actions(b -> b.elements(buttons)));
            }
            // Keep one block free for the "left out" note.
            if (out.size() + rendered.size() > MAX_BLOCKS - 1 - reserved || totalText + text > MAX_TOTAL_TEXT) {
                dropped++;
                continue;
            }
            out.addAll(rendered);
            totalText += text;
        }
        if (dropped > 0) {
            String note = "_… " + dropped + (dropped == 1 ? " more part" : " more parts")
                    + " left out to fit Slack's message limits; run the command in the console for everything._";
            out.add(context(b -> b.elements(List.of(markdownText(note)))));
        }
        return out;
    }

    private static ButtonElement button(Button button, int index) {
        String style = switch (button.style()) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
        // A button that asks for a typed word first opens a dialog (TypedConfirmation) instead of running at once.
        boolean typed = button.asksForText();
        return ButtonElement.builder()
                .text(plainText(cut(button.label(), MAX_BUTTON_TEXT)))
                .actionId((typed ? TypedConfirmation.ACTION_PREFIX : RUN_ACTION_PREFIX) + index)
                .value(typed ? TypedConfirmation.buttonValue(button) : cut(button.command(), 2000))
                .style(style)
                .build();
    }

    /** Splits text into pieces of at most {@code max} characters, at line ends where possible. */
    static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cutAt = rest.lastIndexOf('\n', max);
            if (cutAt <= 0) {
                cutAt = max;
            }
            out.add(rest.substring(0, cutAt));
            rest = rest.substring(cutAt).replaceFirst("^\n", "");
        }
        if (!rest.isEmpty() || out.isEmpty()) {
            out.add(rest.isEmpty() ? " " : rest);
        }
        return out;
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
