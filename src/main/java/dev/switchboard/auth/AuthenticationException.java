package dev.switchboard.auth;

/**
 * A request is refused: {@code 401} when it did not say who it is in a way we can verify, {@code 403} when it did
 * and is not allowed, {@code 400} when it put a token where tokens must not go. The message is safe to show: it
 * never contains the token.
 */
public final class AuthenticationException extends RuntimeException {

    private final int status;

    public AuthenticationException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
