package dev.lifeboat.s3;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.JsonHttp;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every S3 failure becomes an {@link S3StoreException} here, and only here, with a message a person can act on: it
 * names the variable to fix ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code LIFEBOAT_BACKUP_BUCKET},
 * {@code AWS_ENDPOINT_URL_S3}, {@code AWS_REGION}), the bucket or key, and what was being done. It never includes
 * credentials, and S3's own messages pass through {@link Redact} (a signed URL can only leak through a query string).
 */
final class S3Errors {
    /**
     * The HTTP client's own connection failures, by simple name so this mapping holds for the Apache 4 and Apache 5
     * based SDK clients alike (their packages differ).
     */
    private static final Set<String> CONNECT_FAILURES = Set.of("ConnectTimeoutException", "HttpHostConnectException",
            "NoHttpResponseException");

    private final String bucket;
    private final Optional<URI> endpoint;
    private final Optional<String> region;
    private final boolean staticCredentials;

    S3Errors(String bucket, Optional<URI> endpoint, Optional<String> region, boolean staticCredentials) {
        this.bucket = bucket;
        this.endpoint = endpoint;
        this.region = region;
        this.staticCredentials = staticCredentials;
    }

    /** What an operation was doing, for messages: {@code listing s3://bucket/prefix}. */
    String doing(String verb, String key) {
        return verb + " s3://" + bucket + "/" + key;
    }

    S3StoreException translate(SdkException e, String doing) {
        if (e instanceof AwsServiceException service) {
            return service(service, doing);
        }
        return client(e, doing);
    }

    private S3StoreException service(AwsServiceException e, String doing) {
        int status = e.statusCode();
        String code = Optional.ofNullable(e.awsErrorDetails()).map(d -> d.errorCode()).filter(c -> !c.isBlank())
                .orElse(null);
        String s3Says = Optional.ofNullable(e.awsErrorDetails()).map(d -> d.errorMessage())
                .filter(m -> m != null && !m.isBlank()).map(m -> " S3 says: " + limit(Redact.text(m))).orElse("");
        String what = code == null ? "HTTP " + status : code + " (HTTP " + status + ")";
        String key = code == null ? "" : code;
        return switch (key) {
            case "InvalidAccessKeyId" -> new S3StoreException(Failure.UNAUTHORIZED, status, code,
                    "S3 does not know the access key " + credentialSource() + " (" + what + ", " + doing + "). Check "
                            + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" + endpointHint() + ".", e);
            case "SignatureDoesNotMatch" -> new S3StoreException(Failure.UNAUTHORIZED, status, code,
                    "S3 rejected the request signature (" + what + ", " + doing + "): AWS_SECRET_ACCESS_KEY does not "
                            + "match AWS_ACCESS_KEY_ID. Check AWS_SECRET_ACCESS_KEY (and that this machine's clock "
                            + "is right).", e);
            case "ExpiredToken", "InvalidToken", "TokenRefreshRequired" -> new S3StoreException(
                    Failure.UNAUTHORIZED, status, code, "The AWS session credentials " + credentialSource()
                    + " have expired or are invalid (" + what + ", " + doing + "). Renew them, or set long-lived "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.", e);
            case "NoSuchBucket" -> noSuchBucket(doing, e);
            case "NoSuchKey" -> new S3StoreException(Failure.NOT_FOUND, status, code,
                    "There is no offsite copy at " + target(doing) + ".", e);
            case "NoSuchUpload" -> uploadVanished(e, doing);
            case "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests",
                    "RequestThrottled" -> new S3StoreException(Failure.RATE_LIMITED, status, code,
                    "S3 is throttling requests (" + what + ", " + doing + "). Wait a minute and try again.", e);
            case "RequestTimeout" -> new S3StoreException(Failure.TIMEOUT, status, code,
                    "S3 gave up waiting for the request body (" + what + ", " + doing + "): the upload was too slow "
                            + "or stalled. Try again.", e);
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                    new S3StoreException(Failure.REJECTED, status, code, "Bucket '" + bucket + "' is in another "
                            + "region than " + region.map(r -> "AWS_REGION=" + r).orElse("the one the SDK chose")
                            + " (" + what + ", " + doing + "). Set AWS_REGION to the bucket's region.", e);
            case "AccessDenied", "AllAccessDisabled", "AccountProblem" -> forbidden(status, code, what, doing, e);
            default -> byStatus(status, code, what, doing, s3Says, e);
        };
    }

    /**
     * A failure during a multipart upload's parts or completion. There a 404 ({@code NoSuchUpload} from S3,
     * {@code NoSuchKey} from some S3-compatible servers) can only mean the upload itself is gone.
     */
    S3StoreException translateMultipart(SdkException e, String doing) {
        if (e instanceof AwsServiceException service && service.statusCode() == 404
                && !"NoSuchBucket".equals(service.awsErrorDetails() == null ? null
                : service.awsErrorDetails().errorCode())) {
            return uploadVanished(service, doing);
        }
        return translate(e, doing);
    }

    private S3StoreException uploadVanished(AwsServiceException e, String doing) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return new S3StoreException(Failure.NOT_FOUND, e.statusCode(), code, "The multipart upload was aborted by "
                + "someone else (another process or a lifecycle rule) while " + doing + ". Nothing was stored; run "
                + "the copy again.", e);
    }

    private S3StoreException byStatus(int status, String code, String what, String doing, String s3Says,
                                      AwsServiceException e) {
        if (status == 403) {
            return forbidden(status, code, what, doing, e);
        }
        if (status == 401) {
            return new S3StoreException(Failure.UNAUTHORIZED, status, code, "S3 refused the credentials "
                    + credentialSource() + " (" + what + ", " + doing + "). Check AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY.", e);
        }
        if (status == 404) {
            return new S3StoreException(Failure.NOT_FOUND, status, code, "Not found: " + target(doing) + " ("
                    + what + ")." + s3Says, e);
        }
        if (status == 429) {
            return new S3StoreException(Failure.RATE_LIMITED, status, code, "S3 is throttling requests (" + what
                    + ", " + doing + "). Wait a minute and try again.", e);
        }
        if (status >= 500) {
            return new S3StoreException(Failure.SERVER_ERROR, status, code, "S3 failed with " + what + " while "
                    + doing + "; this is on S3's side and usually passes. Try again in a few minutes" + statusHint()
                    + "." + s3Says, e);
        }
        if (status >= 400) {
            return new S3StoreException(Failure.REJECTED, status, code, "S3 refused " + doing + " with " + what
                    + "." + s3Says, e);
        }
        return new S3StoreException(Failure.UNEXPECTED, status, code, "S3 answered " + what + " while " + doing
                + "." + s3Says, e);
    }

    private S3StoreException forbidden(int status, String code, String what, String doing, Throwable e) {
        return new S3StoreException(Failure.FORBIDDEN, status, code, "Access denied (" + what + ") while " + doing
                + ": the credentials " + credentialSource() + " are not allowed to do this on bucket '" + bucket
                + "'. Grant them s3:ListBucket, s3:GetObject, s3:PutObject, s3:DeleteObject and "
                + "s3:AbortMultipartUpload on the bucket in its IAM or bucket policy, or check AWS_ACCESS_KEY_ID "
                + "and AWS_SECRET_ACCESS_KEY.", e);
    }

    S3StoreException noSuchBucket(String doing, Throwable e) {
        return new S3StoreException(Failure.NOT_FOUND, 404, "NoSuchBucket", "Bucket '" + bucket + "' does not "
                + "exist " + where() + " (while " + doing + "). Check LIFEBOAT_BACKUP_BUCKET"
                + endpoint.map(u -> " and AWS_ENDPOINT_URL_S3").orElse(" and AWS_REGION") + ", or create the bucket.",
                e);
    }

    S3StoreException noSuchKey(String key, Throwable e) {
        return new S3StoreException(Failure.NOT_FOUND, 404, "NoSuchKey", "There is no offsite copy at s3://"
                + bucket + "/" + key + ".", e);
    }

    /** Reading the body failed: the source's fault, not S3's. */
    UploadSourceException sourceFailed(String key, long bytesRead, IOException e) {
        return new UploadSourceException(JsonHttp.classify(e), bytesRead, "Reading the backup stream failed after "
                + size(bytesRead) + " (" + describe(e) + "); the upload to s3://" + bucket + "/" + key + " was "
                + "aborted and nothing was stored. Run the copy again.", e);
    }

    UploadSourceException sourceLength(String key, long bytesRead, long declared) {
        String what = bytesRead < declared ? "ended after " + size(bytesRead) + " (" + bytesRead + " bytes)"
                : "ran past its length";
        return new UploadSourceException(Failure.MALFORMED, bytesRead, "The backup stream " + what + " but "
                + declared + " bytes were announced; the upload to s3://" + bucket + "/" + key + " was aborted and "
                + "nothing was stored. Run the copy again.", null);
    }

    UploadSourceException sourceTooLarge(String key, long capacity) {
        return new UploadSourceException(Failure.REJECTED, capacity, "The backup stream is larger than the "
                + size(capacity) + " a multipart upload of unknown length can hold in 10,000 parts; the upload to s3://"
                + bucket + "/" + key + " was aborted. Pass the body's length so the part size fits it.", null);
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        double mib = bytes / (1024.0 * 1024.0);
        return mib < 1024 ? String.format(Locale.ROOT, "%.1f MiB", mib)
                : String.format(Locale.ROOT, "%.1f GiB", mib / 1024);
    }

    private S3StoreException client(SdkException e, String doing) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof SocketTimeoutException && !CONNECT_FAILURES.contains(t.getClass().getSimpleName())) {
                return new S3StoreException(Failure.TIMEOUT, 0, null, "S3 " + where() + " did not answer in time "
                        + "while " + doing + ". It may be overloaded or the network slow; try again"
                        + endpointHint() + ".", e);
            }
            if (t instanceof SSLException) {
                return new S3StoreException(Failure.TLS, 0, null, "The TLS handshake with S3 " + where()
                        + " failed while " + doing + endpointHint() + ".", e);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketException
                    || CONNECT_FAILURES.contains(t.getClass().getSimpleName())) {
                return new S3StoreException(Failure.UNREACHABLE, 0, null, "Could not reach S3 " + where()
                        + " while " + doing + " (" + describe(t) + ")." + endpoint.map(u -> " Check "
                        + "AWS_ENDPOINT_URL_S3 and that the server is running.").orElse(" Check the network and DNS."),
                        e);
            }
            if (t instanceof AbortedException || t instanceof InterruptedIOException) {
                return new S3StoreException(Failure.UNEXPECTED, 0, null, "Interrupted while " + doing + ".", e);
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials")) {
            return new S3StoreException(Failure.UNAUTHORIZED, 0, null, "No AWS credentials were found while "
                    + doing + ". Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or run with an IAM role).", e);
        }
        if (message.contains("Unable to load region")) {
            return new S3StoreException(Failure.REJECTED, 0, null, "No AWS region is configured. Set AWS_REGION "
                    + "to the bucket's region.", e);
        }
        return new S3StoreException(root instanceof IOException ? Failure.UNREACHABLE : Failure.UNEXPECTED, 0, null,
                "The S3 client failed while " + doing + ": " + limit(Redact.text(message)), e);
    }

    private String credentialSource() {
        return staticCredentials ? "in AWS_ACCESS_KEY_ID" : "found by the AWS SDK's default chain";
    }

    private String where() {
        return endpoint.map(u -> "at " + Redact.url(u.toString()) + " (AWS_ENDPOINT_URL_S3)")
                .orElse("in " + region.map(r -> "region " + r).orElse("the SDK's default region"));
    }

    private String endpointHint() {
        return endpoint.map(u -> " (the endpoint is AWS_ENDPOINT_URL_S3=" + Redact.url(u.toString()) + ")")
                .orElse("");
    }

    private String statusHint() {
        return endpoint.map(u -> "; or check the S3-compatible server at AWS_ENDPOINT_URL_S3").orElse(
                "; see https://health.aws.amazon.com");
    }

    private static String target(String doing) {
        int at = doing.indexOf("s3://");
        return at < 0 ? doing : doing.substring(at);
    }

    private static String describe(Throwable t) {
        String simple = t.getClass().getSimpleName();
        String message = t.getMessage();
        return message == null ? simple : simple + ": " + limit(Redact.text(message));
    }

    private static String limit(String message) {
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
