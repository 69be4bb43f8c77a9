package dev.switchboard.hub;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The transport-neutral core: the rooms of one application instance, over the {@link RoomEngine} that keeps them.
 * WebSocket endpoints, HTTP servlets and any other transport share one hub and talk to rooms through it.
 */
public final class Hub implements AutoCloseable {

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int historySize;
    private final int welcomeMembersMax;
    private final RoomEngine engine;

    /**
     * @param historySize       how many messages each room keeps for history and recovery
     * @param welcomeMembersMax how many names a welcome lists at most
     * @param engine            where rooms are agreed on and kept; the hub closes it
     */
    public Hub(int historySize, int welcomeMembersMax, RoomEngine engine) {
        this(Clock.systemUTC(), historySize, welcomeMembersMax, engine);
    }

    public Hub(Clock clock, int historySize, int welcomeMembersMax, RoomEngine engine) {
        this.clock = clock;
        this.historySize = historySize;
        this.welcomeMembersMax = welcomeMembersMax;
        this.engine = engine;
    }

    /**
     * The room with this name, opened on this node on first use (and created in the engine if it is new).
     *
     * @throws IllegalArgumentException   when the name breaks {@link ChatRules#isValidRoom(String)}
     * @throws EngineUnavailableException when the engine cannot open it now
     */
    public Room room(String name) {
        if (!ChatRules.isValidRoom(name)) {
            throw new IllegalArgumentException("room must match [a-z0-9_-]{1,64}: " + name);
        }
        return rooms.computeIfAbsent(name, n -> {
            Room room = new Room(n, clock, historySize, welcomeMembersMax, engine);
            engine.open(n, room);
            return room;
        });
    }

    /** The room if it exists here or in the engine; reading never creates one. */
    public Optional<Room> existingRoom(String name) {
        Room room = rooms.get(name);
        if (room != null) {
            return Optional.of(room);
        }
        return ChatRules.isValidRoom(name) && engine.knows(name) ? Optional.of(room(name)) : Optional.empty();
    }

    /** Every room the engine knows or this node has open, sorted by name. */
    public List<RoomSummary> summaries() {
        Map<String, RoomSummary> byName = new TreeMap<>();
        engine.rooms().forEach(summary -> byName.put(summary.room(), summary));
        rooms.values().forEach(room -> byName.put(room.name(), room.summary()));
        List<RoomSummary> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(RoomSummary::room));
        return all;
    }

    public EngineHealth health() {
        return engine.health();
    }

    /** Closes the engine. */
    @Override
    public void close() {
        engine.close();
    }
}
