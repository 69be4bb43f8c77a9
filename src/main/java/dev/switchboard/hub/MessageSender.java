package dev.switchboard.hub;

import java.util.function.Consumer;

/**
 * Sends one message to a peer asynchronously: the WebSocket or line transport under an {@link OutboundQueue}.
 *
 * @param <M> what it sends: text, or bytes for binary WebSocket messages
 */
@FunctionalInterface
public interface MessageSender<M> {

    /**
     * Starts sending {@code message}; calls {@code done} once when it has gone out (with null) or failed (with the
     * cause). {@code done} may run on this thread before {@code send} returns.
     */
    void send(M message, Consumer<Throwable> done);
}
