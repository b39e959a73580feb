package dev.lifeboat.status;

import dev.lifeboat.config.Redact;

/** Small text helpers for the report's Slack mrkdwn. */
final class Mrkdwn {
    private Mrkdwn() {
    }

    static String link(String url) {
        String shown = Redact.url(url);
        return "<" + shown + "|" + shown + ">";
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }
}
