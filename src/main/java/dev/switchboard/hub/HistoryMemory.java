package dev.switchboard.hub;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the histories of every room on this node hold in the JVM, counted against one bound
 * ({@code history.memory.max.bytes}). Rooms add and take away as their histories change; when the total passes the
 * bound, the hub is told and evicts (see {@link RoomReaper}).
 */
final class HistoryMemory {

    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final Runnable onOverBudget;

    HistoryMemory(long maxBytes, Runnable onOverBudget) {
        this.maxBytes = maxBytes;
        this.onOverBudget = onOverBudget;
    }

    /** An estimate of what one kept event holds: the JSON string, its UTF-8 copy and the objects around them. */
    static long weightOf(Event event) {
        return 2L * event.length() + 96;
    }

    void add(long delta) {
        if (bytes.addAndGet(delta) > maxBytes && delta > 0) {
            onOverBudget.run();
        }
    }

    boolean overBudget() {
        return bytes.get() > maxBytes;
    }

    long bytes() {
        return bytes.get();
    }
}
