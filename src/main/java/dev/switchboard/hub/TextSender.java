package dev.switchboard.hub;

import java.util.function.Consumer;

/** Sends one text to a peer asynchronously: the WebSocket or line transport under an {@link OutboundQueue}. */
@FunctionalInterface
public interface TextSender {

    /**
     * Starts sending {@code text}; calls {@code done} once when it has gone out (with null) or failed (with the
     * cause). {@code done} may run on this thread before {@code send} returns.
     */
    void send(String text, Consumer<Throwable> done);
}
