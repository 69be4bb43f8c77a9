package dev.switchboard.hub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbound side of one member's connection: a bounded queue, written one batch at a time where its
 * {@link Flusher} decides.
 * <p>
 * Offering never blocks: it enqueues and, when the queue was idle, hands it to the flusher, which writes it at once
 * or, inside a room's fan-out, after the room lets go of its lock, on a lane thread for large fan-outs. So a room
 * fans out to thousands of connections in a short loop, and each batch carries as many messages as have gathered.
 * A connection whose backlog exceeds its bounds cannot keep up: the queue drops its backlog and reports the overflow
 * once, and the owner closes the connection. The transport is a {@link MessageSender}; at most one batch is in
 * flight, so every container's asynchronous send accepts it.
 * <p>
 * History replayed on join is already held by the room, so it is admitted whole; the bounds apply to the backlog
 * beyond what is left of the replay.
 */
public final class OutboundQueue<M> {

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

    /** A batch holds at most this many messages, or this weight, unless its first message alone weighs more. */
    static final int MAX_BATCH_MESSAGES = 256;
    static final long MAX_BATCH_WEIGHT = 64 * 1024;

    private final MessageSender<M> sender;
    private final ToLongFunction<M> size;
    private final QueueLimits limits;
    private final Runnable onOverflow;
    private final Runnable onSendFailure;
    private final Flusher flusher;
    private final int lane;
    private final Traffic traffic;
    /** The weight of the batch in flight, counted as sent when it completes. */
    private long batchWeight;
    private final Consumer<Throwable> onSent = this::onSent;
    private final ArrayDeque<M> queue = new ArrayDeque<>(4);
    /** The batch in flight; reused, as there is at most one. */
    private final List<M> batch = new ArrayList<>(0);
    /** The next queue on the same lane; see {@link Flusher}. */
    OutboundQueue<?> nextScheduled;
    private long queuedWeight;
    /** How many of the queued messages, from the head, are replayed history, and their weight. */
    private int replayLeft;
    private long replayWeightLeft;
    private boolean inFlight;
    private boolean scheduled;
    private boolean closed;
    /** Set by {@link #closeAfterFlush(Runnable)}: run once the backlog has been sent. */
    private Runnable afterFlush;

    /**
     * @param sender     the transport, one batch at a time
     * @param size       a message's weight against {@link QueueLimits#maxChars()}: characters or bytes
     * @param limits     the bounds of the backlog
     * @param flusher    decides where the batches are written
     * @param onOverflow told once when the backlog goes over its bounds; it closes the connection
     * @param onSendFailure told once when the transport failed a batch (the backlog is dropped); it closes the
     *                      connection, so the member does not stay in its room receiving nothing
     */
    public OutboundQueue(MessageSender<M> sender, ToLongFunction<M> size, QueueLimits limits, Flusher flusher,
                         Runnable onOverflow, Runnable onSendFailure) {
        this.sender = sender;
        this.size = size;
        this.limits = limits;
        this.flusher = flusher;
        this.lane = flusher.assignLane();
        this.traffic = flusher.traffic();
        this.onOverflow = onOverflow;
        this.onSendFailure = onSendFailure;
    }

    int lane() {
        return lane;
    }

    Flusher flusher() {
        return flusher;
    }

    /** Queues a message; reports an overflow instead when the backlog is over its bounds. */
    public void offer(M message) {
        boolean overflow;
        boolean schedule = false;
        synchronized (this) {
            if (closed || afterFlush != null) {
                return;
            }
            long weight = size.applyAsLong(message);
            overflow = queue.size() - replayLeft >= limits.maxMessages()
                    || queuedWeight - replayWeightLeft + weight > limits.maxChars();
            if (overflow) {
                discard();
            } else {
                queue.add(message);
                queuedWeight += weight;
                traffic.deliveredOne();
                schedule = markScheduled();
            }
        }
        if (overflow) {
            onOverflow.run();
        } else if (schedule) {
            flusher.dispatch(this);
        }
    }

    /** Queues history for a member that just joined; it must come before any live message. */
    public void replay(List<? extends M> events) {
        boolean schedule;
        synchronized (this) {
            if (closed || afterFlush != null) {
                return;
            }
            for (M event : events) {
                long weight = size.applyAsLong(event);
                queue.add(event);
                queuedWeight += weight;
                replayLeft++;
                replayWeightLeft += weight;
            }
            traffic.replayed(events.size());
            schedule = markScheduled();
        }
        if (schedule) {
            flusher.dispatch(this);
        }
    }

    /** Stops taking messages and runs {@code close} once everything queued so far has been sent. */
    public void closeAfterFlush(Runnable close) {
        boolean schedule;
        synchronized (this) {
            if (closed || afterFlush != null) {
                return;
            }
            afterFlush = close;
            schedule = markScheduled();
        }
        if (schedule) {
            flusher.dispatch(this);
        }
    }

    /** Drops the backlog; nothing more is sent. */
    public synchronized void discard() {
        traffic.dequeued(queue.size());
        closed = true;
        queue.clear();
        queuedWeight = 0;
        replayLeft = 0;
        replayWeightLeft = 0;
    }

    /** Messages waiting, for diagnostics. */
    public synchronized int backlog() {
        return queue.size();
    }

    /** True when the flusher must be told: something waits, and no batch is in flight or scheduled. */
    private boolean markScheduled() {
        if (inFlight || scheduled) {
            return false;
        }
        scheduled = true;
        return true;
    }

    /** Sends what waits as one batch, or runs the goodbye once all has been sent; see {@link Flusher}. */
    void flush() {
        Runnable flushed = null;
        synchronized (this) {
            scheduled = false;
            if (inFlight || closed) {
                return;
            }
            if (queue.isEmpty()) {
                if (afterFlush == null) {
                    return;
                }
                flushed = afterFlush;
                closed = true;
            } else {
                takeBatch();
                inFlight = true;
            }
        }
        if (flushed != null) {
            flushed.run();
            return;
        }
        try {
            sender.send(batch, onSent);
        } catch (RuntimeException e) {
            onSent(e);
        }
    }

    private void takeBatch() {
        batchWeight = 0;
        while (!queue.isEmpty() && batch.size() < MAX_BATCH_MESSAGES) {
            long weight = size.applyAsLong(queue.peek());
            if (!batch.isEmpty() && batchWeight + weight > MAX_BATCH_WEIGHT) {
                break;
            }
            batch.add(queue.poll());
            batchWeight += weight;
            queuedWeight -= weight;
            if (replayLeft > 0) {
                replayLeft--;
                replayWeightLeft -= weight;
            }
        }
        traffic.dequeued(batch.size());
    }

    /** Completion of the batch in flight: {@code failure} is null when it went out. */
    private void onSent(Throwable failure) {
        boolean schedule;
        synchronized (this) {
            inFlight = false;
            if (failure == null) {
                traffic.sent(batch.size(), batchWeight);
            }
            batch.clear();
            if (failure != null) {
                LOG.log(Level.FINE, "send failed; dropping the connection's queue", failure);
                discard();
                schedule = false;
            } else {
                schedule = !closed && (!queue.isEmpty() || afterFlush != null) && markScheduled();
            }
        }
        if (failure != null) {
            onSendFailure.run();
        } else if (schedule) {
            flusher.schedule(this);
        }
    }
}
