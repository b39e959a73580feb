package dev.lifeboat.config;

import java.util.regex.Pattern;

/**
 * Removes secrets from text that may be shown or logged: Slack tokens, bearer values, URL credentials and the
 * query strings of URLs (signed URLs carry their signature there).
 */
public final class Redact {
    private static final Pattern SLACK_TOKEN = Pattern.compile("xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|oauth|token)(\\s+|=|:\\s*)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern URL = Pattern.compile("(?i)\\b(https?|postgres(?:ql)?|s3)://[^\\s<>|\"']+");
    private static final Pattern USERINFO = Pattern.compile("^([a-z0-9+.-]+://)[^/@\\s]*@", Pattern.CASE_INSENSITIVE);

    private Redact() {
    }

    /** Redacts every secret-looking part of free text. */
    public static String text(String text) {
        if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
            return text;
        }
        String out = SLACK_TOKEN.matcher(text).replaceAll("****");
        out = BEARER.matcher(out).replaceAll("$1$2****");
        return URL.matcher(out).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(url(match.group())));
    }

    /** A cheap test that rules out most command texts ("status", "history 5") before any pattern runs. */
    private static boolean mayHoldSecret(String text) {
        return text.contains("://") || text.contains("xox") || text.contains("xapp-") || text.length() >= 8
                && (containsIgnoreCase(text, "bearer") || containsIgnoreCase(text, "oauth") || containsIgnoreCase(text, "token"));
    }

    private static boolean containsIgnoreCase(String text, String word) {
        return text.toLowerCase(java.util.Locale.ROOT).contains(word);
    }

    /** A URL without its user info and with its query string (and so any signature) replaced by {@code ?…}. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String out = USERINFO.matcher(url).replaceFirst("$1****@");
        int query = out.indexOf('?');
        if (query >= 0) {
            out = out.substring(0, query) + "?…";
        }
        return out;
    }
}
