package dev.lifeboat.config;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that may be shown or logged: tokens and keys by their shape (Slack, Heroku, Netlify,
 * GitHub, AWS access key ids), values after a secret-sounding label ({@code password=}, {@code "api_key": "…"},
 * {@code AWS_SECRET_ACCESS_KEY=…}), {@code Authorization} values, URL credentials, Slack webhook paths, and the query
 * strings of URLs (signed URLs carry their signature there).
 *
 * <p>It runs on every log line read from Heroku, so it is built to be cheap: every rule's match begins with one of
 * a few words, found with {@code indexOf}; a pattern is tried only where one of its words starts, and text holding
 * none of the words is returned as it is.
 */
public final class Redact {
    private static final String HIDDEN = "****";

    /** A pattern whose every match starts with one of {@code words} (lower case), and what a match becomes. */
    private record Rule(Pattern pattern, Function<MatchResult, String> replacement, String... words) {
    }

    private static final List<Rule> RULES = List.of(
            // Slack tokens, including rotating ones (xoxe.xoxp-…) and app-level tokens.
            new Rule(Pattern.compile("\\bxox[a-z](?:\\.xox[a-z])?-[A-Za-z0-9-]+|\\bxapp-[A-Za-z0-9-]+"),
                    m -> HIDDEN, "xox", "xapp-"),
            // Heroku API keys, Netlify personal access tokens, AWS access key ids, GitHub tokens.
            new Rule(Pattern.compile(
                    "\\bHRKU-[A-Za-z0-9_-]{8,}|\\bnfp_[A-Za-z0-9]{16,}|\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"
                    + "|\\bgh[pousr]_[A-Za-z0-9]{20,}|\\bgithub_pat_[A-Za-z0-9_]{20,}"),
                    m -> HIDDEN, "hrku-", "nfp_", "akia", "asia", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
            // An Authorization header or field: its scheme stays, its value goes.
            new Rule(Pattern.compile("(?i)(authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?"
                    + "(?:(?:bearer|basic|oauth|token|digest)[ \\t]+)?)[^\\s\"',;]+"),
                    m -> m.group(1) + HIDDEN, "authorization"),
            new Rule(Pattern.compile("(?i)\\b(bearer|oauth|token)(\\s+|=|:\\s*)[A-Za-z0-9._~+/=-]{8,}"),
                    m -> m.group(1) + m.group(2) + HIDDEN, "bearer", "oauth", "token"),
            // A value after a secret-sounding label: password=…, "client_secret": "…", X_API_KEY: …
            // The match starts at the secret-sounding word; the rest of the label before it stays as it is.
            new Rule(Pattern.compile("(?i)((?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|private[_-]?key"
                    + "|token)[\\w-]*[\"']?[ \\t]*[:=][ \\t]*[\"']?)[^\\s\"'&,;<>]+"),
                    m -> m.group(1) + HIDDEN, "password", "passwd", "pwd", "secret", "api", "access", "private",
                    "token"));

    /** A URL of any scheme (up to 31 letters, as {@link #urls} looks back no further). */
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]{0,30}://[^\\s<>|\"'`]+");
    /** A URL's user info: all up to the last {@code @} before the path (a password may hold an {@code @}). */
    private static final Pattern USERINFO = Pattern.compile("^([a-z][a-z0-9+.-]*://)[^/\\s]*@",
            Pattern.CASE_INSENSITIVE);
    /** A Slack incoming webhook: the path after {@code /services/} is the secret. */
    private static final Pattern SLACK_WEBHOOK = Pattern.compile(
            "^(https?://(?:[^/\\s]*@)?hooks\\.slack(?:-gov)?\\.com/[^/?#]+/)[^?#]+", Pattern.CASE_INSENSITIVE);

    private Redact() {
    }

    /** Redacts every secret-looking part of free text. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = urls(text);
        String lower = out.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (next(lower, rule.words(), 0) >= 0) {
                String redacted = apply(rule, out, lower);
                if (!redacted.equals(out)) {
                    out = redacted;
                    lower = out.toLowerCase(Locale.ROOT);
                }
            }
        }
        return out;
    }

    /** Every URL through {@link #url}; the pattern is tried only just before each {@code ://}. */
    private static String urls(String text) {
        Matcher matcher = URL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = null;
        int done = 0;
        for (int sep = text.indexOf("://"); sep >= 0; sep = text.indexOf("://", Math.max(sep + 3, done))) {
            int start = sep;
            while (start > done && sep - start < 31 && isSchemeChar(text.charAt(start - 1))) {
                start--;
            }
            for (int at = start; at < sep; at++) {
                if (matcher.region(at, text.length()).lookingAt()) {
                    out = out == null ? new StringBuilder(text.length()) : out;
                    out.append(text, done, at).append(url(matcher.group()));
                    done = matcher.end();
                    break;
                }
            }
        }
        return out == null ? text : out.append(text, done, text.length()).toString();
    }

    private static boolean isSchemeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-';
    }

    /** True when the text holds a word some rule starts with, or a URL. */
    static boolean mayHoldSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("://") || RULES.stream().anyMatch(rule -> next(lower, rule.words(), 0) >= 0);
    }

    /** Replaces the rule's matches, trying the pattern only where one of its words starts. */
    private static String apply(Rule rule, String text, String lower) {
        if (lower.length() != text.length()) {
            // A letter whose lower case is longer: positions differ, so let the pattern scan everything.
            return rule.pattern().matcher(text).replaceAll(m -> Matcher.quoteReplacement(rule.replacement().apply(m)));
        }
        Matcher matcher = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = null;
        int done = 0;
        for (int at = next(lower, rule.words(), 0); at >= 0; at = next(lower, rule.words(), Math.max(at + 1, done))) {
            if (matcher.region(at, text.length()).lookingAt()) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, done, at).append(rule.replacement().apply(matcher));
                done = matcher.end();
            }
        }
        return out == null ? text : out.append(text, done, text.length()).toString();
    }

    /** Where the first of {@code words} at or after {@code from} starts, or -1. */
    private static int next(String lower, String[] words, int from) {
        int first = -1;
        for (String word : words) {
            int at = lower.indexOf(word, from);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
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
