package dev.switchboard.hub;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the hub's rooms within their bounds, on one thread of its own: rooms with no members here and nothing
 * happening for {@code room.idle.timeout} are closed (their history stays in the engine when it is durable), and
 * whenever the histories together pass {@code history.memory.max.bytes}, memory is won back oldest first: first by
 * closing rooms nobody is in, least recently active first, then by shedding the older half of the histories of the
 * least recently active rooms that do have members (a member recovering from further back gets a {@code reset}).
 */
final class RoomReaper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RoomReaper.class.getName());
    private static final long MIN_PERIOD_MILLIS = 100;
    private static final long MAX_PERIOD_MILLIS = 10_000;

    /** What the reaper asks of the hub. */
    interface Rooms {
        List<Room> open();

        /** Closes the room and lets the engine forget it here, if it is still unused. */
        boolean closeIfUnused(Room room, long idleMillis);
    }

    private final Rooms rooms;
    private final long idleMillis;
    private final HistoryMemory memory;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean memorySweepPending = new AtomicBoolean();

    RoomReaper(Rooms rooms, long idleMillis, HistoryMemory memory) {
        this.rooms = rooms;
        this.idleMillis = idleMillis;
        this.memory = memory;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread reaper = new Thread(task, "switchboard-room-reaper");
            reaper.setDaemon(true);
            return reaper;
        });
        long period = Math.max(MIN_PERIOD_MILLIS, Math.min(MAX_PERIOD_MILLIS, idleMillis / 4));
        thread.scheduleWithFixedDelay(this::closeIdleRooms, period, period, TimeUnit.MILLISECONDS);
    }

    /** The histories passed their bound: win memory back soon (one sweep however often this is called). */
    void overBudget() {
        if (memorySweepPending.compareAndSet(false, true)) {
            try {
                thread.execute(this::winBackMemory);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                memorySweepPending.set(false); // closing
            }
        }
    }

    private void closeIdleRooms() {
        try {
            for (Room room : rooms.open()) {
                rooms.closeIfUnused(room, idleMillis);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing idle rooms failed; the next sweep tries again", e);
        }
    }

    private void winBackMemory() {
        memorySweepPending.set(false);
        try {
            List<Room> leastRecentFirst = new ArrayList<>(rooms.open());
            leastRecentFirst.sort(Comparator.comparingLong(Room::lastActivityMillis));
            for (Room room : leastRecentFirst) {
                if (!memory.overBudget()) {
                    return;
                }
                rooms.closeIfUnused(room, 0);
            }
            boolean shed = true;
            while (memory.overBudget() && shed) {
                shed = false;
                for (Room room : leastRecentFirst) {
                    if (!memory.overBudget()) {
                        return;
                    }
                    shed |= room.shedHistory();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "winning back history memory failed; the next append over the bound retries", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
