package dev.switchboard.hub;

import java.util.ArrayList;
import java.util.List;

/**
 * The last messages of one room, as encoded events, in a ring. Sequence numbers are consecutive, so the event
 * with seq {@code s} sits at offset {@code s - oldestSeq}. The ring starts small and doubles up to its capacity, so
 * a quiet room does not hold a full-size array. What it holds is counted in the node's {@link HistoryMemory}.
 * Not thread-safe: the room's lock guards it.
 */
final class MessageHistory {

    private static final int INITIAL_SLOTS = 16;

    private final int capacity;
    private final HistoryMemory memory;
    private Event[] events;
    private int start;
    private int size;
    private long oldestSeq = 1;
    private long bytes;

    MessageHistory(int capacity, HistoryMemory memory) {
        this.capacity = capacity;
        this.memory = memory;
        this.events = new Event[Math.min(capacity, INITIAL_SLOTS)];
    }

    /** Forgets every event; the next one appended has seq {@code oldestSeq}. */
    void restartAt(long oldestSeq) {
        account(-bytes);
        events = new Event[Math.min(capacity, INITIAL_SLOTS)];
        start = 0;
        size = 0;
        this.oldestSeq = oldestSeq;
    }

    /** Appends the event of the next seq; the oldest one falls out when the ring holds its capacity. */
    void append(Event event) {
        if (size == events.length && size < capacity) {
            grow();
        }
        account(HistoryMemory.weightOf(event));
        if (size == events.length) {
            account(-HistoryMemory.weightOf(events[start]));
            events[start] = event;
            start = (start + 1) % events.length;
            oldestSeq++;
        } else {
            events[(start + size) % events.length] = event;
            size++;
        }
    }

    /** Forgets the oldest {@code count} events (all when there are fewer); later seqs keep their places. */
    void dropOldest(int count) {
        int dropped = Math.min(count, size);
        for (int i = 0; i < dropped; i++) {
            int slot = (start + i) % events.length;
            account(-HistoryMemory.weightOf(events[slot]));
            events[slot] = null;
        }
        start = size == dropped ? 0 : (start + dropped) % events.length;
        size -= dropped;
        oldestSeq += dropped;
    }

    int size() {
        return size;
    }

    private void account(long delta) {
        bytes += delta;
        memory.add(delta);
    }

    private void grow() {
        Event[] larger = new Event[(int) Math.min(capacity, 2L * events.length)];
        for (int i = 0; i < size; i++) {
            larger[i] = events[(start + i) % events.length];
        }
        events = larger;
        start = 0;
    }

    /** The seq of the oldest event still kept; one past the last when empty. */
    long oldestSeq() {
        return oldestSeq;
    }

    /** Events with seq greater than {@code since}, oldest first, at most {@code limit}. */
    List<Event> after(long since, int limit) {
        long first = Math.max(since + 1, oldestSeq);
        int skip = (int) Math.min(first - oldestSeq, size);
        int count = Math.min(size - skip, limit);
        List<Event> result = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            result.add(events[(start + skip + i) % events.length]);
        }
        return result;
    }
}
