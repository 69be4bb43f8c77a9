package dev.switchboard.hub;

/**
 * The engine cannot take or serve a message now (its store or server is down, or it is overloaded). Nothing was
 * appended; the caller says {@code unavailable} (WebSocket) or 503 (HTTP) and the client may try again.
 */
public final class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
