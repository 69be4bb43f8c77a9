package dev.switchboard.websocket;

import dev.switchboard.hub.OutboundQueue;
import dev.switchboard.hub.QueueLimits;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open WebSocket connection as the server manages it: its session and peer address, its bounded outbound
 * queue, when we last heard from it, and what must happen once when it goes (its member leaves the room).
 */
final class Connection {

    private final Session session;
    private final String remoteAddress;
    private final Connections registry;
    private final OutboundQueue<Object> outbound;
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile Runnable onGone = () -> { };
    private volatile long lastHeardNanos = System.nanoTime();

    Connection(Session session, String remoteAddress, Connections registry, QueueLimits limits) {
        this.session = session;
        this.remoteAddress = remoteAddress;
        this.registry = registry;
        this.outbound = new OutboundQueue<>(this::sendAsync, Connection::weight, limits,
                () -> registry.closeLater(this, CloseReason.CloseCodes.VIOLATED_POLICY, "slow consumer"));
    }

    Session session() {
        return session;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    /** Text ({@code String}) and binary ({@code ByteBuffer}) messages to send, in order, bounded. */
    OutboundQueue<Object> outbound() {
        return outbound;
    }

    private void sendAsync(Object message, java.util.function.Consumer<Throwable> done) {
        jakarta.websocket.SendHandler handler = result -> done.accept(result.isOK() ? null : result.getException());
        if (message instanceof ByteBuffer binary) {
            session.getAsyncRemote().sendBinary(binary, handler);
        } else {
            session.getAsyncRemote().sendText((String) message, handler);
        }
    }

    private static long weight(Object message) {
        return message instanceof ByteBuffer binary ? binary.remaining() : ((String) message).length();
    }

    /** What to do once when the connection goes, whoever notices first (e.g. leave the room). */
    void onGone(Runnable action) {
        onGone = action;
    }

    /** Anything arrived from the peer: a message or a pong. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    long silentNanos(long now) {
        return now - lastHeardNanos;
    }

    /**
     * The session closed (our close or the peer's): forget the connection and run the goodbye action. The action
     * runs on the registry's thread, never here: a container may report a close from inside a send, which can be
     * inside a room's fan-out, and a member leaving in the middle of one would be seen before the message by some
     * members and after it by others.
     */
    void closed() {
        if (gone.compareAndSet(false, true)) {
            outbound.discard();
            registry.runLater(onGone);
        }
        registry.remove(this);
    }

    /**
     * Closes now, dropping any backlog. The member leaves at once, even if the peer never answers our close
     * frame (a stalled TCP window can hold it back indefinitely).
     */
    void close(CloseReason.CloseCode code, String reason) {
        if (gone.compareAndSet(false, true)) {
            outbound.discard();
            registry.runLater(onGone);
        }
        CloseReasons.close(session, code, reason);
    }

    /** Sends what is queued, then closes with 1001: the goodbye of a shutdown. */
    void closeAfterFlush() {
        outbound.closeAfterFlush(() ->
                CloseReasons.close(session, CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
    }
}
