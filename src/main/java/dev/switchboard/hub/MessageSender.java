package dev.switchboard.hub;

import java.util.List;
import java.util.function.Consumer;

/**
 * Sends messages to a peer asynchronously: the WebSocket or line transport under an {@link OutboundQueue}. The queue
 * hands over everything that waits as one batch, so a transport that can write several messages at once (one
 * buffer, one system call) does so.
 *
 * @param <M> what it sends: encoded events, or bytes for binary WebSocket messages
 */
@FunctionalInterface
public interface MessageSender<M> {

    /**
     * Starts sending {@code batch}, in order; calls {@code done} once when all of it has gone out (with null) or
     * sending failed (with the cause). {@code done} may run on this thread before {@code send} returns. The list
     * belongs to the caller again once {@code done} has been called.
     */
    void send(List<M> batch, Consumer<Throwable> done);
}
