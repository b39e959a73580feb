package dev.lifeboat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lifeboat.http.PathId.Kind;
import java.util.Arrays;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PathIdTest {
    private static final String UUID = "01234567-89ab-cdef-0123-456789abcdef";

    /**
     * Ids that must never reach a path, whatever the kind. A Git ref alone may hold a slash ({@code release/2.13}):
     * {@link ApiPath#id} sends it as one segment, {@code release%2F2.13} ({@link #aGitRefWithASlashStaysOneSegment}).
     */
    static Stream<Arguments> neverAnId() {
        return Arrays.stream(Kind.values()).flatMap(kind -> Stream.of(
                "..", ".", "", " ", "a/b", "/", "%2F", "%2f", "%2e%2e", "%2E%2E", "web.1 ", " web", "a b", "a\tb",
                "a\nb", "a?b", "a#b", "a\\b", "..%2F..", "../apps", "\u2024\u2024", "ｗｅｂ")
                .filter(value -> !(kind == Kind.GIT_REF && value.equals("a/b")))
                .map(value -> Arguments.of(kind, value)));
    }

    @Test
    void aGitRefWithASlashStaysOneSegment() {
        HttpUrl url = ApiPath.under(HttpUrl.get("https://api.github.com/")).then("repos")
                .id(Kind.GIT_REF, "release/2.13").build();
        assertEquals("/repos/release%2F2.13", url.encodedPath());
        assertEquals(2, url.pathSize());
    }

    @ParameterizedTest(name = "{0} refuses \"{1}\"")
    @MethodSource("neverAnId")
    void dotsSlashesEncodingsAndWhitespaceAreNeverIds(Kind kind, String value) {
        assertFalse(PathId.isValid(kind, value));
        assertThrows(InvalidIdException.class, () -> PathId.require(kind, value));
    }

    @ParameterizedTest(name = "{0} \"{1}\" valid={2}")
    @CsvSource(delimiter = '|', textBlock = """
            APP                 | lifeboat-prod                          | true
            APP                 | abc                                    | true
            APP                 | 01234567-89ab-cdef-0123-456789abcdef   | true
            APP                 | ab                                     | false
            APP                 | lifeboat-                              | false
            APP                 | Lifeboat-prod                          | false
            APP                 | 1lifeboat                              | false
            APP                 | a23456789012345678901234567890         | true
            APP                 | a234567890123456789012345678901        | false
            DYNO                | web.1                                  | true
            DYNO                | run.1234                               | true
            DYNO                | release.5                              | true
            DYNO                | worker_high-prio.12                    | true
            DYNO                | 01234567-89ab-cdef-0123-456789abcdef   | true
            DYNO                | web                                    | false
            DYNO                | web.                                   | false
            DYNO                | .1                                     | false
            DYNO                | web.1.2                                | false
            DYNO                | web..1                                 | false
            PROCESS_TYPE        | web                                    | true
            PROCESS_TYPE        | worker_2-high                          | true
            PROCESS_TYPE        | web.1                                  | false
            RELEASE_ID          | 01234567-89ab-cdef-0123-456789abcdef   | true
            RELEASE_ID          | 12                                     | false
            RELEASE_ID          | 01234567-89ab-cdef-0123-456789abcdeg   | false
            RELEASE_VERSION     | 12                                     | true
            RELEASE_VERSION     | v12                                    | true
            RELEASE_VERSION     | V7                                     | true
            RELEASE_VERSION     | 0                                      | false
            RELEASE_VERSION     | v                                      | false
            RELEASE_VERSION     | -3                                     | false
            RELEASE_VERSION     | 1e3                                    | false
            TRANSFER            | 57                                     | true
            TRANSFER            | 0c48dbea-7e2c-5fce-af2c-8c0d3b1dd466   | true
            TRANSFER            | b057                                   | false
            TRANSFER            | -1                                     | false
            ADDON               | 8c1e3a5d-7f90-4b2d-a4c6-e8f0a2c4e6b8   | true
            ADDON               | postgresql-curved-12345                | true
            ADDON               | acme_inc-primary-database              | true
            ADDON               | 9postgres                              | false
            ADDON               | postgresql.curved                      | false
            NETLIFY_SITE        | 3f8b1e52-7c0d-4d6a-9b1e-2a5c7e9f0d41   | true
            NETLIFY_SITE        | lifeboat-www                           | true
            NETLIFY_SITE        | lifeboat-www.netlify.app               | true
            NETLIFY_SITE        | www.example.com                        | true
            NETLIFY_SITE        | -lifeboat                              | false
            NETLIFY_SITE        | lifeboat-.netlify.app                  | false
            NETLIFY_SITE        | lifeboat..netlify.app                  | false
            NETLIFY_SITE        | .netlify.app                           | false
            NETLIFY_SITE        | lifeboat.                              | false
            NETLIFY_DEPLOY      | 663f1c2a9b8e7d0008a1b2c6               | true
            NETLIFY_DEPLOY      | 663F1C2A9B8E7D0008A1B2C6               | false
            NETLIFY_DEPLOY      | 663f1c2a9b8e7d0008a1b2c                | false
            NETLIFY_DEPLOY      | 663f1c2a9b8e7d0008a1b2c6a              | false
            NETLIFY_DEPLOY      | main@663f1c2a9b8e7d0008a1b2c6          | false
            STATUSPAGE_PAGE     | q8w2e4r6t8y0                           | true
            STATUSPAGE_PAGE     | q8w2-e4r6                              | false
            STATUSPAGE_INCIDENT | p0l9k8j7h6g5                           | true
            STATUSPAGE_INCIDENT | p0l9k8j7h6g5.json                      | false
            BUILD_ID            | 01234567-89ab-cdef-0123-456789abcdef   | true
            BUILD_ID            | build-1                                | false
            SLUG_ID             | 01234567-89ab-cdef-0123-456789abcdef   | true
            GITHUB_OWNER        | acme                                   | true
            GITHUB_OWNER        | acme-inc                               | true
            GITHUB_OWNER        | -acme                                  | false
            GITHUB_OWNER        | acme_inc                               | false
            GITHUB_REPO         | shop                                   | true
            GITHUB_REPO         | shop.web_2-x                           | true
            GITHUB_REPO         | .github                                | true
            GIT_REF             | main                                   | true
            GIT_REF             | v2.14.0                                | true
            GIT_REF             | release/2.13                           | true
            GIT_REF             | feature/a/b_c-d                        | true
            GIT_REF             | 3b1f9c0                                | true
            GIT_REF             | -main                                  | false
            GIT_REF             | main/                                  | false
            GIT_REF             | a//b                                   | false
            GIT_REF             | a..b                                   | false
            GIT_REF             | x.lock                                 | false
            GIT_REF             | release/.hidden                        | false
            GIT_REF             | main@{1}                               | false
            GIT_REF             | HEAD~1                                 | false
            GIT_SHA             | 3b1f9c0d2e4a6b8c0d1e2f3a4b5c6d7e8f9a0b1c | true
            GIT_SHA             | 3b1f9c0                                | false
            GIT_SHA             | 3B1F9C0D2E4A6B8C0D1E2F3A4B5C6D7E8F9A0B1C | false
            """)
    void eachKindTakesItsOwnFormsOnly(Kind kind, String value, boolean valid) {
        assertEquals(valid, PathId.isValid(kind, value));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindsOwnExampleIsValidAndNullNeverIs(Kind kind) {
        assertEquals(kind.example(), PathId.require(kind, kind.example()));
        assertFalse(PathId.isValid(kind, null));
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            DYNO            | ..              | `..` is not a dyno name (expected e.g. web.1).
            APP             | a/b             | `a/b` is not a Heroku app name (expected e.g. lifeboat-prod).
            NETLIFY_DEPLOY  | %2e%2e          | `%2e%2e` is not a Netlify deploy id (expected e.g. 663f1c2a9b8e7d0008a1b2c6).
            TRANSFER        | ""              | An empty value is not a backup number (expected e.g. 57).
            PROCESS_TYPE    | "a`b"           | `a'b` is not a process type (expected e.g. web).
            DYNO            | xoxb-1234-5678-abcdefgh | `****` is not a dyno name (expected e.g. web.1).
            """)
    void theMessageNamesTheValueTheKindAndAGoodExample(Kind kind, String value, String message) {
        assertEquals(message, assertThrows(InvalidIdException.class, () -> PathId.require(kind, value)).getMessage());
    }

    @Test
    void aLongValueIsShownCut() {
        String message = assertThrows(InvalidIdException.class,
                () -> PathId.require(Kind.PROCESS_TYPE, "a".repeat(150) + "/")).getMessage();
        assertEquals("`" + "a".repeat(40) + "…` is not a process type (expected e.g. web).", message);
    }

    @Test
    void aMultiLineValueIsShownOnOneLine() {
        String message = assertThrows(InvalidIdException.class, () -> PathId.require(Kind.DYNO, "web.1\nrm")).getMessage();
        assertEquals("`web.1?rm` is not a dyno name (expected e.g. web.1).", message);
    }

    @Test
    void releaseVersionsAreReadWithOrWithoutTheirV() {
        assertEquals(12, PathId.releaseVersion("v12"));
        assertEquals(12, PathId.releaseVersion("12"));
        assertThrows(InvalidIdException.class, () -> PathId.releaseVersion("v1.2"));
    }

    @Test
    void anApiPathTakesIdsOnlyThroughTheCheck() {
        HttpUrl base = HttpUrl.get("https://api.heroku.com/");

        assertEquals("https://api.heroku.com/apps/lifeboat-prod/dynos/web.1",
                ApiPath.under(base).then("apps").id(Kind.APP, "lifeboat-prod").then("dynos").id(Kind.DYNO, "web.1")
                        .build().toString());
        assertThrows(InvalidIdException.class, () -> ApiPath.under(base).then("apps").id(Kind.APP, ".."));
        assertThrows(IllegalArgumentException.class, () -> ApiPath.under(base).then(".."));
        assertThrows(IllegalArgumentException.class, () -> ApiPath.under(base).then("a/b"));
        assertEquals("https://status.example/prefix/api/v2/summary.json", ApiPath.under(
                HttpUrl.get("https://status.example/prefix/")).then("api", "v2", "summary.json").build().toString());
        assertEquals(UUID, PathId.require(Kind.APP, UUID));
    }
}
