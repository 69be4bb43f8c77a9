package dev.switchboard.tls;

/** A certificate or key that cannot be used, with the file and the reason (never a password or key material). */
public final class TlsCredentialsException extends RuntimeException {

    public TlsCredentialsException(String message) {
        super(message);
    }

    public TlsCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
