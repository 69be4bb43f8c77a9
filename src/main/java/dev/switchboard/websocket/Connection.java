package dev.switchboard.websocket;

import dev.switchboard.hub.Event;
import dev.switchboard.hub.Flusher;
import dev.switchboard.hub.OutboundQueue;
import dev.switchboard.hub.QueueLimits;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open WebSocket connection as the server manages it: its session and peer address, its bounded outbound
 * queue and the wire under it, when we last heard from it, and what must happen once when it goes (its member
 * leaves the room).
 */
final class Connection {

    private final Session session;
    private final String remoteAddress;
    private volatile boolean hasExpiry;
    private volatile long expiryDeadlineNanos;
    private final Connections registry;
    private final WebSocketWire wire;
    private final OutboundQueue<Object> outbound;
    private final AtomicBoolean gone = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean pinging = new AtomicBoolean();
    private volatile Runnable onGone = () -> { };
    private volatile long lastHeardNanos = System.nanoTime();

    Connection(Session session, String remoteAddress, Connections registry, QueueLimits limits, WebSocketWire wire,
               Flusher flusher) {
        this.session = session;
        this.remoteAddress = remoteAddress;
        this.registry = registry;
        this.wire = wire;
        this.outbound = new OutboundQueue<>(wire, Connection::weight, limits, flusher,
                () -> registry.slowConsumer(this),
                () -> close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
    }

    Session session() {
        return session;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    /** Text ({@link Event}) and binary ({@code ByteBuffer}) messages to send, in order, bounded. */
    OutboundQueue<Object> outbound() {
        return outbound;
    }

    private static long weight(Object message) {
        return message instanceof ByteBuffer binary ? binary.remaining() : ((Event) message).length();
    }

    /** What to do once when the connection goes, whoever notices first (e.g. leave the room). */
    void onGone(Runnable action) {
        onGone = action;
    }

    /** The credentials expire at {@code expiresAt}; past it and {@code grace}, the heartbeat closes with 4001. */
    void expiresAt(Instant expiresAt, Duration grace) {
        long left = Duration.between(Instant.now(), expiresAt).plus(grace).toNanos();
        expiryDeadlineNanos = System.nanoTime() + Math.max(0, left);
        hasExpiry = true;
    }

    boolean expired(long nowNanos) {
        return hasExpiry && nowNanos - expiryDeadlineNanos > 0;
    }

    /** Whether the session closed already. */
    boolean isGone() {
        return gone.get();
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
        wire.closeWith(() -> { });
        registry.remove(this);
    }

    /**
     * Closes now, dropping any backlog. The member leaves at once, even if the peer never answers our close
     * frame (a stalled TCP window can hold it back indefinitely).
     */
    void close(CloseReason.CloseCode code, String reason) {
        leave();
        outbound.discard();
        closeSession(code, reason);
    }

    /** The container's close, off this thread: it may block while the peer does not read. */
    private void closeSession(CloseReason.CloseCode code, String reason) {
        registry.offThread(() -> wire.closeWith(() -> CloseReasons.close(session, code, reason)));
    }

    /**
     * Pings the peer off this thread, unless the previous ping is still being written; the wire decides when (Open
     * Liberty fails a message send that meets a ping being written, see {@link AsyncRemoteWire}).
     */
    void ping(ByteBuffer payload) {
        if (!pinging.compareAndSet(false, true)) {
            return;
        }
        wire.ping(written -> registry.offThread(() -> {
            try {
                // A writable copy each time: Open Liberty's socket write calls arrayOffset() on it, which a read-only
                // buffer refuses, and the failed write leaves the connection unable to write anything again.
                ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
                session.getAsyncRemote().sendPing(copy);
            } catch (java.io.IOException | RuntimeException e) {
                java.util.logging.Logger.getLogger(Connection.class.getName())
                        .log(java.util.logging.Level.FINE, "ping failed", e);
            } finally {
                pinging.set(false);
                written.run();
            }
        }));
    }

    /**
     * Sends what is already queued, then closes: for a peer that reads but has to go (a rate-limit abuser, a
     * message over the limit), which should see everything up to the close. The member leaves at once. A peer that
     * stops reading is closed after {@code grace} regardless.
     */
    void closeAfterFlush(CloseReason.CloseCode code, String reason, Duration grace) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        leave();
        outbound.closeAfterFlush(() -> closeSession(code, reason));
        registry.closeAfter(this, grace, code, reason);
    }

    /** Sends what is queued, then closes with 1001: the goodbye of a shutdown. */
    void closeAfterFlush() {
        outbound.closeAfterFlush(() -> closeSession(CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
    }

    private void leave() {
        if (gone.compareAndSet(false, true)) {
            registry.runLater(onGone);
        }
    }
}
