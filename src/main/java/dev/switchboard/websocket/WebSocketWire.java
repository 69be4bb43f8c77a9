package dev.switchboard.websocket;

import dev.switchboard.hub.MessageSender;

/**
 * How one WebSocket connection's outbound messages reach the network: events ({@link dev.switchboard.hub.Event},
 * sent as text) and binary messages ({@link java.nio.ByteBuffer}), a batch at a time.
 */
public interface WebSocketWire extends MessageSender<Object> {

    /**
     * Runs {@code close}, which makes the container send a close frame, such that no message of this wire is
     * written after that frame.
     */
    void closeWith(Runnable close);

    /**
     * Lets {@code ping} write a ping frame when this wire allows it; {@code ping} runs the callback it is given once
     * its write is done. By default at once: containers that queue frames let a ping pass between messages.
     */
    default void ping(java.util.function.Consumer<Runnable> ping) {
        ping.accept(() -> { });
    }
}
