package dev.lifeboat.http;

/**
 * One system's mapping from a failed call to its own exception, with a message a person can act on. Each system
 * keeps all of its status mapping in its implementation of this one method.
 */
@FunctionalInterface
public interface ErrorTranslator {
    UpstreamException translate(HttpFailure failure);
}
