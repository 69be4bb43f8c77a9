package dev.switchboard.hub;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbound side of one member's connection: a bounded queue with at most one asynchronous send in flight.
 * <p>
 * Offering never blocks, so a room can fan out to thousands of connections from one thread. A connection whose
 * backlog exceeds its bounds cannot keep up: the queue drops its backlog and reports the overflow once, and the
 * owner closes the connection. The transport is a {@link MessageSender}; sends are issued one at a time, which
 * every container accepts (the portable WebSocket {@code RemoteEndpoint.Async}, servlet non-blocking output).
 * <p>
 * History replayed on join is already held by the room, so it is admitted whole; the bounds apply to the backlog
 * beyond what is left of the replay.
 */
public final class OutboundQueue<M> {

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

    private final MessageSender<M> sender;
    private final ToLongFunction<M> size;
    private final QueueLimits limits;
    private final Runnable onOverflow;
    private final ArrayDeque<M> queue = new ArrayDeque<>();
    private long queuedChars;
    /** How many of the queued messages, from the head, are replayed history, and their size. */
    private int replayLeft;
    private long replayCharsLeft;
    private boolean inFlight;
    /** True while a thread is inside {@code sendText}; a completion on that same call stack must not recurse. */
    private boolean pumping;
    private boolean closed;
    /** Set by {@link #closeAfterFlush(Runnable)}: run once the backlog has been sent. */
    private Runnable afterFlush;

    /**
     * @param sender     the transport, one send at a time
     * @param size       a message's weight against {@link QueueLimits#maxChars()}: characters or bytes
     * @param limits     the bounds of the backlog
     * @param onOverflow told once when the backlog goes over its bounds; it closes the connection
     */
    public OutboundQueue(MessageSender<M> sender, ToLongFunction<M> size, QueueLimits limits, Runnable onOverflow) {
        this.sender = sender;
        this.size = size;
        this.limits = limits;
        this.onOverflow = onOverflow;
    }

    /** Queues a message; reports an overflow instead when the backlog is over its bounds. */
    public void offer(M message) {
        boolean overflow;
        synchronized (this) {
            if (closed || afterFlush != null) {
                return;
            }
            long weight = size.applyAsLong(message);
            overflow = queue.size() - replayLeft >= limits.maxMessages()
                    || queuedChars - replayCharsLeft + weight > limits.maxChars();
            if (overflow) {
                discard();
            } else {
                queue.add(message);
                queuedChars += weight;
            }
        }
        if (overflow) {
            onOverflow.run();
            return;
        }
        pump();
    }

    /** Queues history for a member that just joined; it must come before any live message. */
    public void replay(List<M> events) {
        synchronized (this) {
            if (closed || afterFlush != null) {
                return;
            }
            for (M event : events) {
                long weight = size.applyAsLong(event);
                queue.add(event);
                queuedChars += weight;
                replayLeft++;
                replayCharsLeft += weight;
            }
        }
        pump();
    }

    /** Stops taking messages and runs {@code close} once everything queued so far has been sent. */
    public void closeAfterFlush(Runnable close) {
        synchronized (this) {
            if (closed || afterFlush != null) {
                return;
            }
            afterFlush = close;
        }
        pump();
    }

    /** Drops the backlog; nothing more is sent. */
    public synchronized void discard() {
        closed = true;
        queue.clear();
        queuedChars = 0;
        replayLeft = 0;
        replayCharsLeft = 0;
    }

    /** Messages waiting, for diagnostics. */
    public synchronized int backlog() {
        return queue.size();
    }

    private void pump() {
        while (true) {
            M next;
            Runnable flushed = null;
            synchronized (this) {
                if (inFlight || pumping || closed) {
                    return;
                }
                next = queue.poll();
                if (next == null) {
                    if (afterFlush != null) {
                        flushed = afterFlush;
                        closed = true;
                    }
                } else {
                    long weight = size.applyAsLong(next);
                    queuedChars -= weight;
                    if (replayLeft > 0) {
                        replayLeft--;
                        replayCharsLeft -= weight;
                    }
                    inFlight = true;
                    pumping = true;
                }
            }
            if (next == null) {
                if (flushed != null) {
                    flushed.run();
                }
                return;
            }
            try {
                sender.send(next, this::onSent);
            } catch (RuntimeException e) {
                onSent(e);
            } finally {
                synchronized (this) {
                    pumping = false;
                }
            }
        }
    }

    /** Completion of the send in flight: {@code failure} is null when it went out. */
    private void onSent(Throwable failure) {
        synchronized (this) {
            inFlight = false;
            if (failure != null) {
                LOG.log(Level.FINE, "send failed; dropping the connection's queue", failure);
                discard();
                return;
            }
        }
        pump();
    }
}
