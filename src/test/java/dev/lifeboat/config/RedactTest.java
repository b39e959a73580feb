package dev.lifeboat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactTest {

    /** Every form of secret Lifeboat may meet, as it is written and as it must be shown. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            signed URL                | restore https://bucket.s3.amazonaws.com/pg/a012.dump?X-Amz-Signature=abc&X-Amz-Credential=AKIA | restore https://bucket.s3.amazonaws.com/pg/a012.dump?…
            slack bot token           | token xoxb-123-456-abc and Bearer abcdef0123456789         | token **** and Bearer ****
            slack user token          | xoxp-1111-2222-3333-abcdef                                 | ****
            slack app token           | SLACK_APP_TOKEN is xapp-1-A0LIFEBOAT-0000-abc              | SLACK_APP_TOKEN is ****
            slack rotating token      | refresh xoxe.xoxp-1-Mi0yLTE2NDk                            | refresh ****
            slack webhook URL         | posting to https://hooks.slack.com/services/T0001/B0002/XyZsecretPath failed | posting to https://hooks.slack.com/services/**** failed
            slack workflow webhook    | https://hooks.slack.com/workflows/T01/A02/123/abcSECRET    | https://hooks.slack.com/workflows/****
            URL credentials           | postgres://user:pw@db.example.com:5432/x                   | postgres://****@db.example.com:5432/x
            URL password with @       | postgres://user:p@ss@db.example.com/db                     | postgres://****@db.example.com/db
            URL password with @ and : | DATABASE_URL=postgres://u:a:b@c@d@h.example.com:5432/db ok | DATABASE_URL=postgres://****@h.example.com:5432/db ok
            redis URL                 | rediss://:redis-pw@redis.example.com:6380                  | rediss://****@redis.example.com:6380
            scheme of every kind      | via zA09+.-x://u:pw@h.example/x?sig=1 done                 | via zA09+.-x://****@h.example/x?… done
            upper-case scheme         | HTTPS://u:pw@h.example/                                    | HTTPS://****@h.example/
            scheme after punctuation  | (s3://k:pw@bucket/key)                                     | (s3://****@bucket/key)
            two URLs on a line        | a://u:p@h/x and b://v:q@i/y                                | a://****@h/x and b://****@i/y
            a 31-character scheme     | z123456789012345678901234567890://u:p@h/                   | z123456789012345678901234567890://****@h/
            aws access key id         | key id AKIAIOSFODNN7EXAMPLE used                           | key id **** used
            aws session key id        | ASIAY34FZKBOKMUTVV7A expired                               | **** expired
            aws secret, env form      | AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | AWS_SECRET_ACCESS_KEY=****
            aws secret, ini form      | aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | aws_secret_access_key = ****
            aws secret, JSON form     | {"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"} | {"SecretAccessKey": "****"}
            heroku HRKU key           | key HRKU-AAbbCCddEEff0011223344556677889900aabbccddeeffgg0011 | key ****
            heroku HRKU uuid key      | HRKU-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d                  | ****
            heroku labelled uuid key  | HEROKU_API_KEY=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d        | HEROKU_API_KEY=****
            heroku labelled JSON key  | {"api_key":"0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"}         | {"api_key":"****"}
            netlify token             | NETLIFY_AUTH_TOKEN nfp_T3stT0ken9f8e7d6c5b4a3SECRET        | NETLIFY_AUTH_TOKEN ****
            github classic token      | cloning with ghp_T3stT0kenAbCdEf0123456789SECRETxyz now    | cloning with **** now
            github app token          | using ghs_16C7e42F292c6912E7710c838347Ae178B4a here        | using **** here
            github fine-grained token | pat github_pat_11ABCDEFG0aBcDeFgHiJkLmNoPqRsTuV_wxyz done   | pat **** done
            authorization basic       | Authorization: Basic dXNlcjpwYXNzd29yZA==                  | Authorization: Basic ****
            authorization bearer      | authorization: bearer abc                                  | authorization: bearer ****
            authorization OAuth       | Authorization: OAuth 9f2c4e6a8b0d                          | Authorization: OAuth ****
            authorization bare        | "Authorization":"raw-key-123"                              | "Authorization":"****"
            password outside a URL    | connecting with password=hunter2 now                       | connecting with password=**** now
            password in YAML          | db_password: hunter2                                       | db_password: ****
            pwd                       | PWD=s3cr3t; user=app                                       | PWD=****; user=app
            secret                    | secret=abc&next=1                                          | secret=****&next=1
            client secret in JSON     | {"client_secret": "shh", "id": 7}                          | {"client_secret": "****", "id": 7}
            short token value         | token=abc                                                  | token=****
            two URLs                  | from https://a.example/x?sig=1 to https://u:p@b.example/y  | from https://a.example/x?… to https://****@b.example/y
            JDBC URL                  | jdbc:postgresql://u:p@h.example/db?password=x              | jdbc:postgresql://****@h.example/db?…
            URL in backticks          | `https://h.example/f?X-Amz-Signature=1`                    | `https://h.example/f?…`
            letters of other lengths  | İstanbul token=abcdefgh123 password=x                       | İstanbul token=**** password=****
            """)
    void everyFormOfSecretIsHidden(String form, String input, String shown) {
        assertEquals(shown, Redact.text(input), form);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "status",
            "history 5",
            "restart web.1",
            "Heroku rejected HEROKU_API_KEY (401): the token is wrong or expired.",
            "2026-11-27T03:00:00Z heroku[router]: at=info method=GET path=\"/\" host=acme.herokuapp.com status=200",
            "Rolled back to v110 (deploy 1f3c2a9) by alice@acme.example",
            "b057 completed, 94 MB, 2026-11-26 02:00 UTC",
            "Basic dyno restarted; the password reset page is up",
            "The monkey asked for a keyboard",
            "commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 deployed",
            "Asia/Tokyo is the time zone",
            "https://acme.herokuapp.com/health answered 200"})
    void plainTextIsLeftAsItIs(String text) {
        assertEquals(text, Redact.text(text));
    }

    @Test
    void textWithNoSignOfASecretIsReturnedWithoutRunningAnyPattern() {
        String plain = "heroku[web.1]: State changed from starting to up";
        assertFalse(Redact.mayHoldSecret(plain));
        assertSame(plain, Redact.text(plain));
    }

    @Test
    void aUrlAloneLosesItsCredentialsWebhookPathAndQuery() {
        assertEquals("https://****@hooks.slack.com/services/****?…",
                Redact.url("https://u:p@hooks.slack.com/services/T1/B2/secret?x=1"));
        assertEquals("postgres://****@host/db", Redact.url("postgres://user:p@ss@host/db"));
    }
}
