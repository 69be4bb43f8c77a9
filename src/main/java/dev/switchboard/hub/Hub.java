package dev.switchboard.hub;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The transport-neutral core: all rooms of one application instance. WebSocket endpoints, HTTP servlets and
 * any other transport share one hub and talk to rooms through it.
 */
public final class Hub {

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int historySize;

    /**
     * @param historySize how many messages each room keeps for history and recovery
     */
    public Hub(int historySize) {
        this(Clock.systemUTC(), historySize);
    }

    public Hub(Clock clock, int historySize) {
        this.clock = clock;
        this.historySize = historySize;
    }

    /**
     * The room with this name, created on first use. Rooms are kept for the life of the hub so that their
     * sequence numbers never restart.
     *
     * @throws IllegalArgumentException when the name breaks {@link ChatRules#isValidRoom(String)}
     */
    public Room room(String name) {
        if (!ChatRules.isValidRoom(name)) {
            throw new IllegalArgumentException("room must match [a-z0-9_-]{1,64}: " + name);
        }
        return rooms.computeIfAbsent(name, n -> new Room(n, clock, historySize));
    }

    /** The room if it exists; reading never creates one. */
    public Optional<Room> existingRoom(String name) {
        return Optional.ofNullable(rooms.get(name));
    }

    /** A snapshot of every room, sorted by name. */
    public List<RoomSummary> summaries() {
        return rooms.values().stream()
                .map(Room::summary)
                .sorted(Comparator.comparing(RoomSummary::room))
                .toList();
    }
}
