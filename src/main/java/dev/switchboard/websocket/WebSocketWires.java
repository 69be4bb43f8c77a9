package dev.switchboard.websocket;

import jakarta.websocket.Session;

/**
 * Chooses the {@link WebSocketWire} of each new connection. The portable choice sends through the session's
 * {@code RemoteEndpoint.Async}; a runtime that can do better (the launcher writes pre-encoded frames straight to
 * Grizzly) supplies its own.
 */
@FunctionalInterface
public interface WebSocketWires {

    /**
     * The wire of every Jakarta WebSocket container: one send at a time, which every container accepts, or all of a
     * batch at once where the container queues them ({@link PipelinedRemoteWire#suits}).
     */
    WebSocketWires PORTABLE = session -> PipelinedRemoteWire.suits(session) ? new PipelinedRemoteWire(session)
            : new AsyncRemoteWire(session);

    /** The wire for {@code session}, called from its {@code onOpen} on the container's thread. */
    WebSocketWire forSession(Session session);
}
