package dev.lifeboat.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds requests exactly as Slack sends them: a form body, {@code X-Slack-Request-Timestamp}, {@code X-Slack-Signature}. */
public final class SlackRequests {
    private final URI endpoint;
    private final String signingSecret;

    public SlackRequests(URI endpoint, String signingSecret) {
        this.endpoint = endpoint;
        this.signingSecret = signingSecret;
    }

    /** {@code v0=} + hex HMAC-SHA256 of {@code v0:TIMESTAMP:BODY}. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The form body of a {@code /dr} slash command, in the field order Slack uses. */
    public static String slashCommandBody(String text, String userId, String channelId, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0LIFEBOAT");
        form.put("team_domain", "lifeboat-test");
        form.put("channel_id", channelId);
        form.put("channel_name", "incidents");
        form.put("user_id", userId);
        form.put("user_name", "user-" + userId.toLowerCase());
        form.put("command", "/dr");
        form.put("text", text);
        form.put("api_app_id", "A0LIFEBOAT");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return encode(form);
    }

    /** The form body of a {@code block_actions} payload for one button click. */
    public static String buttonClickBody(String actionId, String value, String userId, String channelId, String responseUrl) {
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + userId + "\",\"username\":\"user-" + userId.toLowerCase()
                + "\",\"name\":\"user\",\"team_id\":\"T0LIFEBOAT\"},\"api_app_id\":\"A0LIFEBOAT\",\"token\":\"legacy\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"111.222\",\"channel_id\":\"" + channelId
                + "\",\"is_ephemeral\":true},\"trigger_id\":\"111.222.valid\",\"team\":{\"id\":\"T0LIFEBOAT\",\"domain\":\"lifeboat-test\"},"
                + "\"channel\":{\"id\":\"" + channelId + "\",\"name\":\"incidents\"},\"response_url\":\"" + responseUrl + "\","
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"Button\",\"emoji\":true},"
                + "\"value\":\"" + value + "\",\"type\":\"button\",\"action_ts\":\"1596530385.194939\"}]}";
        return encode(Map.of("payload", payload));
    }

    public HttpRequest signed(String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return signed(body, timestamp, sign(signingSecret, timestamp, body));
    }

    public HttpRequest signed(String body, String timestamp, String signature) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    public HttpRequest unsigned(String body) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
