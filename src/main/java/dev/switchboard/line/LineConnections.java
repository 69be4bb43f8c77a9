package dev.switchboard.line;

import dev.switchboard.logging.ConnectionLog;
import dev.switchboard.metrics.Meters;
import dev.switchboard.hub.Flusher;
import dev.switchboard.limits.ConnectionBudget;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Every open line-protocol connection of one application instance: their places in the node's connection limits
 * (shared with WebSocket connections), and the goodbye on shutdown.
 */
public final class LineConnections {

    private final Set<LineSession> open = ConcurrentHashMap.newKeySet();
    private final Meters meters;
    private final Executor housekeeping;
    /** Where connections are closed: a container may block the close until the peer reads. */
    private final Executor blockingCalls;
    private final Flusher flusher;
    private final ConnectionBudget budget;

    /**
     * @param housekeeping  where members leave rooms: never the thread of a fan-out
     * @param blockingCalls where container calls that may wait for the peer run (closing a connection)
     * @param flusher      whose threads write the connections' outbound queues
     * @param budget       the node's connection limits, shared with WebSocket connections
     */
    private final ConnectionLog log;

    public LineConnections(Executor housekeeping, Executor blockingCalls, Flusher flusher, ConnectionBudget budget,
                           Meters meters, ConnectionLog log) {
        this.blockingCalls = blockingCalls;
        this.meters = meters;
        this.log = log;
        this.housekeeping = housekeeping;
        this.flusher = flusher;
        this.budget = budget;
    }

    ConnectionLog log() {
        return log;
    }

    /** Takes a place for a new line connection from this address, before the upgrade; false when full. */
    boolean admit(String address) {
        return budget.tryAcquire(address);
    }

    /** Gives back the place of a connection that was admitted but never registered (its upgrade failed). */
    void unadmit(String address) {
        budget.release(address);
    }

    Flusher flusher() {
        return flusher;
    }

    void add(LineSession session) {
        open.add(session);
    }

    /** @return true when the session was still registered */
    boolean remove(LineSession session) {
        boolean removed = open.remove(session);
        if (removed) {
            budget.release(session.remoteAddress());
            synchronized (this) {
                notifyAll();
            }
        }
        return removed;
    }

    void offThread(Runnable call) {
        blockingCalls.execute(call);
    }

    void runLater(Runnable action) {
        housekeeping.execute(action);
    }

    Meters meters() {
        return meters;
    }

    public int count() {
        return open.size();
    }

    /** Each connection gets what is queued for it and a last line, then ends; waits up to {@code grace}. */
    public void shutdown(Duration grace) {
        open.forEach(LineSession::goodbye);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            synchronized (this) {
                while (!open.isEmpty() && deadline - System.nanoTime() > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List.copyOf(open).forEach(LineSession::closeNow);
    }
}
