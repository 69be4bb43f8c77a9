package dev.switchboard.engine.embedded;

/** The embedded store cannot start: its message says why in one sentence that names the data directory. */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
