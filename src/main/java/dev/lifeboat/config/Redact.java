package dev.lifeboat.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that may be shown or logged: tokens and keys by their shape (Slack, Heroku, Netlify,
 * AWS access key ids), values after a secret-sounding label ({@code password=}, {@code "api_key": "…"},
 * {@code AWS_SECRET_ACCESS_KEY=…}), {@code Authorization} values, URL credentials, Slack webhook paths, and the query
 * strings of URLs (signed URLs carry their signature there). Runs on every log line read from Heroku, so text with no
 * sign of a secret is returned without running any pattern.
 */
public final class Redact {
    private static final String HIDDEN = "****";

    /** Slack tokens, including rotating ones ({@code xoxe.xoxp-…}) and app-level tokens. */
    private static final Pattern SLACK_TOKEN = Pattern.compile("\\bxox[a-z](?:\\.xox[a-z])?-[A-Za-z0-9-]+|\\bxapp-[A-Za-z0-9-]+");
    /** Heroku API keys ({@code HRKU-…}), Netlify personal access tokens, AWS access key ids. */
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "\\bHRKU-[A-Za-z0-9_-]{8,}|\\bnfp_[A-Za-z0-9]{16,}|\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");
    /** An {@code Authorization} header or field: its scheme stays, its value goes. */
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?"
            + "(?:(?:bearer|basic|oauth|token|digest)[ \\t]+)?)[^\\s\"',;]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|oauth|token)(\\s+|=|:\\s*)[A-Za-z0-9._~+/=-]{8,}");
    /** A value after a secret-sounding label: {@code password=…}, {@code "client_secret": "…"}, {@code X_API_KEY: …}. */
    private static final Pattern LABELLED = Pattern.compile("(?i)\\b([\\w-]*(?:password|passwd|pwd|secret|api[_-]?key"
            + "|access[_-]?key|private[_-]?key|token)[\\w-]*[\"']?[ \\t]*[:=][ \\t]*[\"']?)[^\\s\"'&,;<>]+");
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s<>|\"'`]+");
    /** The user info of a URL: everything up to the last {@code @} before the path (passwords may hold an {@code @}). */
    private static final Pattern USERINFO = Pattern.compile("^([a-z][a-z0-9+.-]*://)[^/\\s]*@", Pattern.CASE_INSENSITIVE);
    /** A Slack incoming webhook: the path after {@code /services/} is the secret. */
    private static final Pattern SLACK_WEBHOOK = Pattern.compile(
            "^(https?://(?:[^/\\s]*@)?hooks\\.slack(?:-gov)?\\.com/[^/?#]+/)[^?#]+", Pattern.CASE_INSENSITIVE);
    /** Lower-case fragments one of which every pattern above needs in order to match. */
    private static final String[] SIGNS = {"://", "xox", "xapp-", "hrku-", "nfp_", "akia", "asia", "bearer", "oauth",
            "token", "authorization", "password", "passwd", "pwd", "secret", "key"};

    private Redact() {
    }

    /** Redacts every secret-looking part of free text. */
    public static String text(String text) {
        if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
            return text;
        }
        String out = URL.matcher(text).replaceAll(match -> Matcher.quoteReplacement(url(match.group())));
        out = SLACK_TOKEN.matcher(out).replaceAll(HIDDEN);
        out = KEY_SHAPES.matcher(out).replaceAll(HIDDEN);
        out = AUTHORIZATION.matcher(out).replaceAll("$1" + HIDDEN);
        out = BEARER.matcher(out).replaceAll("$1$2" + HIDDEN);
        return LABELLED.matcher(out).replaceAll("$1" + HIDDEN);
    }

    /** A cheap test that rules out most texts ("status", "history 5", most log lines) before any pattern runs. */
    static boolean mayHoldSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String sign : SIGNS) {
            if (lower.contains(sign)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A URL without its user info, with a Slack webhook's secret path hidden, and with its query string (and so any
     * signature) replaced by {@code ?…}.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String out = USERINFO.matcher(url).replaceFirst("$1" + HIDDEN + "@");
        out = SLACK_WEBHOOK.matcher(out).replaceFirst("$1" + HIDDEN);
        int query = out.indexOf('?');
        if (query >= 0) {
            out = out.substring(0, query) + "?…";
        }
        return out;
    }
}
