package dev.lifeboat.reply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a {@link Reply} for a terminal: mrkdwn links become "label (url)", emphasis marks are dropped. */
public final class TextRenderer {
    private static final Pattern LINK = Pattern.compile("<([^|>]+)\\|([^>]+)>");
    private static final Pattern BARE_LINK = Pattern.compile("<((?:https?|mailto):[^>]+)>");
    private static final Pattern MENTION = Pattern.compile("<[@#!]([^>|]+)(?:\\|([^>]+))?>");
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*([^*\\n]+)\\*(?![\\w*])");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_([^_\\n]+)_(?![\\w_])");

    private static final Pattern EMOJI = Pattern.compile(":([a-z0-9_+-]+):");
    private static final java.util.Map<String, String> SYMBOLS = java.util.Map.ofEntries(
            java.util.Map.entry("white_check_mark", "✅"),
            java.util.Map.entry("large_green_circle", "🟢"),
            java.util.Map.entry("large_yellow_circle", "🟡"),
            java.util.Map.entry("red_circle", "🔴"),
            java.util.Map.entry("white_circle", "⚪"),
            java.util.Map.entry("grey_question", "❔"),
            java.util.Map.entry("warning", "⚠️"),
            java.util.Map.entry("rotating_light", "🚨"),
            java.util.Map.entry("no_entry", "⛔"),
            java.util.Map.entry("boom", "💥"),
            java.util.Map.entry("lock", "🔒"),
            java.util.Map.entry("hourglass", "⌛"),
            java.util.Map.entry("rocket", "🚀"),
            java.util.Map.entry("adhesive_bandage", "🩹"));

    private TextRenderer() {
    }

    public static String render(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Header h) {
                out.append(h.text()).append('\n').append("=".repeat(Math.min(h.text().length(), 72))).append('\n');
            } else if (block instanceof Block.Section s) {
                out.append(plain(s.markdown())).append('\n');
            } else if (block instanceof Block.Fields f) {
                f.fields().forEach(field -> out.append("  ").append(plain(field).replace("\n", " ")).append('\n'));
            } else if (block instanceof Block.Context c) {
                out.append(plain(c.markdown())).append('\n');
            } else if (block instanceof Block.Divider) {
                out.append('\n');
            } else if (block instanceof Block.Actions a) {
                out.append("Next steps:");
                // A button that asks for a typed word shows the whole command to type, the word included.
                a.buttons().forEach(b -> out.append(" [").append(b.label()).append(": ").append(b.command())
                        .append(b.typeToRun().map(word -> " " + word).orElse(""))
                        .append(b.editText().map(text -> " TEXT").orElse("")).append(']'));
                out.append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    /** mrkdwn to plain text. */
    public static String plain(String markdown) {
        String out = LINK.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2).equals(m.group(1)) ? m.group(1) : m.group(2) + " (" + m.group(1) + ")"));
        out = BARE_LINK.matcher(out).replaceAll("$1");
        out = MENTION.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(2) != null ? m.group(2) : m.group(1)));
        out = BOLD.matcher(out).replaceAll("$1");
        out = ITALIC.matcher(out).replaceAll("$1");
        out = EMOJI.matcher(out).replaceAll(m -> Matcher.quoteReplacement(SYMBOLS.getOrDefault(m.group(1), m.group())));
        out = out.replace("`", "");
        return out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
