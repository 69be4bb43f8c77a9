package dev.switchboard.line;

import dev.switchboard.hub.Flusher;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Every open line-protocol connection of one application instance, for the goodbye on shutdown. */
public final class LineConnections {

    private final Set<LineSession> open = ConcurrentHashMap.newKeySet();
    private final Executor housekeeping;
    private final Flusher flusher;

    /**
     * @param housekeeping where members leave rooms: never the thread of a fan-out
     * @param flusher      whose threads write the connections' outbound queues
     */
    public LineConnections(Executor housekeeping, Flusher flusher) {
        this.housekeeping = housekeeping;
        this.flusher = flusher;
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
            synchronized (this) {
                notifyAll();
            }
        }
        return removed;
    }

    void runLater(Runnable action) {
        housekeeping.execute(action);
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
