package dev.lifeboat.command;

/** Bad or missing arguments: the message says what is wrong; the runner adds the usage line. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
