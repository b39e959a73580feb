package dev.lifeboat.http;

import java.util.regex.Pattern;

/**
 * The one check of every id that goes into an upstream URL path. OkHttp resolves {@code .} and {@code ..} path
 * segments, so an unchecked {@code ..} dyno name turns "restart dyno" into {@code DELETE /apps/{app}/}, Heroku's
 * delete-app call. Each kind of id has a strict pattern (Heroku's own from its Platform API schema where it has
 * one); anything else, including {@code .}, {@code ..}, empty, {@code /}, {@code %2F} and whitespace, is refused
 * with an {@link InvalidIdException} before any request is made.
 *
 * <p>Every real client puts ids into paths only through {@link ApiPath#id}, and every simulated one checks them
 * here too, so the demo refuses the same ids as the real systems.
 */
public final class PathId {
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** A DNS label: letters, digits and inner dashes. */
    private static final String LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";

    /** What an id names; each has a pattern, a noun for messages and an example of a good one. */
    public enum Kind {
        /** A Heroku app: its name (schema {@code app/name}) or its uuid. */
        APP("a Heroku app name", "lifeboat-prod", "[a-z][a-z0-9-]{1,28}[a-z0-9]|" + UUID),
        /** A dyno: {@code <process type>.<number>} (schema {@code dyno/name}, e.g. {@code run.1}) or its uuid. */
        DYNO("a dyno name", "web.1", "[-\\w]{1,128}\\.[0-9]{1,9}|" + UUID),
        /** A process type (schema {@code formation/type}: {@code ^[-\w]{1,128}$}). */
        PROCESS_TYPE("a process type", "web", "[-\\w]{1,128}"),
        /** A release's uuid (what a rollback names, schema {@code release/id}). */
        RELEASE_ID("a release id", "01234567-89ab-cdef-0123-456789abcdef", UUID),
        /** A release version as a person types it: {@code 12} or {@code v12}. See {@link #releaseVersion}. */
        RELEASE_VERSION("a release version", "v12", "[vV]?[1-9][0-9]{0,8}"),
        /** A Heroku Postgres transfer (backup, restore, copy): its number or its uuid. */
        TRANSFER("a backup number", "57", "[0-9]{1,18}|" + UUID),
        /** A Heroku add-on: its uuid or its name (schema {@code add-on/name}). */
        ADDON("an add-on id or name", "postgresql-curved-12345", "[a-zA-Z][A-Za-z0-9_-]{1,255}|" + UUID),
        /** A Netlify site: its id (uuid), its name, or its domain ({@code name.netlify.app}). */
        NETLIFY_SITE("a Netlify site id", "3f8b1e52-7c0d-4d6a-9b1e-2a5c7e9f0d41",
                "(?=.{1,253}$)" + LABEL + "(?:\\." + LABEL + ")*"),
        /** A Netlify deploy: 24 hex digits. */
        NETLIFY_DEPLOY("a Netlify deploy id", "663f1c2a9b8e7d0008a1b2c6", "[0-9a-f]{24}"),
        /** A Statuspage page id. */
        STATUSPAGE_PAGE("a Statuspage page id", "q8w2e4r6t8y0", "[a-zA-Z0-9]{1,64}"),
        /** A Statuspage incident id. */
        STATUSPAGE_INCIDENT("a Statuspage incident id", "p0l9k8j7h6g5", "[a-zA-Z0-9]{1,64}"),
        /** A Heroku build's uuid (schema {@code build/id}). */
        BUILD_ID("a build id", "01234567-89ab-cdef-0123-456789abcdef", UUID),
        /** A Heroku slug's uuid (schema {@code slug/id}). */
        SLUG_ID("a slug id", "01234567-89ab-cdef-0123-456789abcdef", UUID),
        /** A GitHub account (user or organisation): letters, digits and inner dashes, at most 39. */
        GITHUB_OWNER("a GitHub account name", "acme", "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"),
        /** A GitHub repository's name: letters, digits, {@code .}, {@code _} and {@code -}; never {@code .} or {@code ..}. */
        GITHUB_REPO("a GitHub repository name", "shop", "(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}"),
        /**
         * A Git branch, tag or commit as a person types it (the rules of {@code git check-ref-format}, narrowed): parts
         * of letters, digits, {@code .}, {@code _} and {@code -} joined by single slashes, no part starting with a dot or a dash,
         * no {@code ..}, no {@code .lock} ending. It is one path segment (a slash is sent as {@code %2F}).
         */
        GIT_REF("a branch, tag or commit", "main",
                "(?!.*\\.\\.)(?!.*\\.lock(?:/|$))[A-Za-z0-9_][A-Za-z0-9._-]{0,99}(?:/[A-Za-z0-9_][A-Za-z0-9._-]{0,99}){0,9}"),
        /** A full Git commit id: 40 hex digits (SHA-1) or 64 (SHA-256). */
        GIT_SHA("a commit sha", "4f9c1e2d3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e", "[0-9a-f]{40}|[0-9a-f]{64}");

        private final String noun;
        private final String example;
        private final Pattern pattern;

        Kind(String noun, String example, String pattern) {
            this.noun = noun;
            this.example = example;
            this.pattern = Pattern.compile(pattern);
        }

        /** E.g. "a dyno name". */
        public String noun() {
            return noun;
        }

        /** A well-formed example, e.g. "web.1". */
        public String example() {
            return example;
        }
    }

    private PathId() {
    }

    /** The value when it is a well-formed id of this kind; otherwise an {@link InvalidIdException}. */
    public static String require(Kind kind, String value) {
        if (!isValid(kind, value)) {
            throw new InvalidIdException(kind, value);
        }
        return value;
    }

    public static boolean isValid(Kind kind, String value) {
        return value != null && kind.pattern.matcher(value).matches();
    }

    /** The number of a release version as a person types it ({@code v12} or {@code 12}). */
    public static int releaseVersion(String value) {
        String version = require(Kind.RELEASE_VERSION, value);
        return Integer.parseInt(version.charAt(0) == 'v' || version.charAt(0) == 'V' ? version.substring(1) : version);
    }
}
