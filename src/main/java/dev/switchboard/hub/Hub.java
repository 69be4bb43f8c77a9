package dev.switchboard.hub;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transport-neutral core: the rooms of one application instance, over the {@link RoomEngine} that keeps them.
 * WebSocket endpoints, HTTP servlets and any other transport share one hub and talk to rooms through it.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Hub.class.getName());

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final Clock clock;
    private final RoomLimits limits;
    private final RoomEngine engine;
    private final HistoryMemory memory;
    private final RoomReaper reaper;
    /** Held while a room new to the engine is counted and created, so that concurrent ones cannot pass max.rooms. */
    private final Object creation = new Object();
    private final Traffic traffic;
    private final MessagePolicy policy;
    private final RoomPolicy roomPolicy;
    /** Rooms tell this one; {@link #observe} sets whom it tells. */
    private final ObserverSlot observers = new ObserverSlot();

    /**
     * @param limits what bounds the rooms
     * @param engine where rooms are agreed on and kept; the hub closes it
     */
    public Hub(RoomLimits limits, RoomEngine engine) {
        this(Clock.systemUTC(), limits, engine);
    }

    public Hub(Clock clock, RoomLimits limits, RoomEngine engine) {
        this(clock, limits, engine, new Traffic());
    }

    /** @param traffic where rooms report publish→delivery times (the flusher's, so one place has them all) */
    public Hub(Clock clock, RoomLimits limits, RoomEngine engine, Traffic traffic) {
        this(clock, limits, engine, traffic, MessagePolicy.ACCEPT_ALL, RoomPolicy.OPEN);
    }

    /**
     * @param policy     what every message passes before it takes a seq
     * @param roomPolicy who may create which rooms
     */
    public Hub(Clock clock, RoomLimits limits, RoomEngine engine, Traffic traffic, MessagePolicy policy,
               RoomPolicy roomPolicy) {
        this.traffic = traffic;
        this.policy = policy;
        this.roomPolicy = roomPolicy;
        this.clock = clock;
        this.limits = limits;
        this.engine = engine;
        RoomReaper[] reaperRef = new RoomReaper[1];
        this.memory = new HistoryMemory(limits.historyMemoryMaxBytes(), () -> reaperRef[0].overBudget());
        this.reaper = new RoomReaper(new RoomReaper.Rooms() {
            @Override
            public List<Room> open() {
                return List.copyOf(rooms.values());
            }

            @Override
            public boolean closeIfUnused(Room room, long idleMillis) {
                return Hub.this.closeIfUnused(room, idleMillis);
            }
        }, limits.idleTimeout().toMillis(), memory);
        reaperRef[0] = reaper;
    }

    /**
     * The room with this name, opened on this node on first use (and created in the engine if it is new and the
     * {@link RoomPolicy} lets {@code who} create it).
     *
     * @throws IllegalArgumentException   when the name breaks {@link ChatRules#isValidRoom(String)}
     * @throws RoomRefusedException       when the room is new and the room policy refuses it to {@code who}
     * @throws TooManyRoomsException      when the room is new and {@code max.rooms} rooms exist
     * @throws EngineUnavailableException when the engine cannot open it now
     */
    public Room room(String name, String who) {
        if (!ChatRules.isValidRoom(name)) {
            throw new IllegalArgumentException("room must match [a-z0-9_-]{1,64}: " + name);
        }
        Room open = rooms.get(name);
        return open != null ? open : rooms.computeIfAbsent(name, room -> openRoom(room, who));
    }

    /** From now on, tells {@code observer} what happens in the rooms ({@link RoomObserver#NONE} to stop). */
    public void observe(RoomObserver observer) {
        observers.target = observer;
    }

    /** Forwards to the observer set last, so rooms made before it was set tell it too. */
    private static final class ObserverSlot implements RoomObserver {

        private volatile RoomObserver target = RoomObserver.NONE;

        @Override
        public boolean observing() {
            return target.observing();
        }

        @Override
        public void said(String room, long seq, String from, String text, java.time.Instant at) {
            target.said(room, seq, from, text, at);
        }

        @Override
        public void joined(String room, String name) {
            target.joined(room, name);
        }

        @Override
        public void left(String room, String name) {
            target.left(room, name);
        }
    }

    /** The room with this name, for the server itself: the room policy is not asked. */
    public Room room(String name) {
        return room(name, null);
    }

    private Room openRoom(String name, String who) {
        Room room = new Room(name, clock, limits, engine, memory, traffic, policy, observers);
        if (engine.knows(name)) {
            engine.open(name, room);
            return room;
        }
        if (who != null) {
            String refusal = roomPolicy.refusalToCreate(name, who);
            if (refusal != null) {
                throw new RoomRefusedException(refusal);
            }
        }
        synchronized (creation) {
            if (engine.roomCount() >= limits.maxRooms() && !engine.knows(name)) {
                throw new TooManyRoomsException(limits.maxRooms());
            }
            engine.open(name, room);
        }
        return room;
    }

    /**
     * Adds a connection to a room, opening the room if needed (see {@link Room#join}), and returns the room it
     * joined.
     *
     * @throws RoomRefusedException       when the room is new and the room policy refuses it to the member
     * @throws TooManyRoomsException      when the room is new and {@code max.rooms} rooms exist
     * @throws EngineUnavailableException when the engine cannot open it now
     */
    public Room join(String name, Member member, OptionalLong since, Optional<String> sinceEpoch) {
        while (true) {
            Room room = room(name, member.name());
            if (room.join(member, since, sinceEpoch)) {
                return room;
            }
            rooms.remove(name, room); // closed while we looked it up; normally gone already
        }
    }

    /** The room if it exists here or in the engine; reading never creates one. */
    public Optional<Room> existingRoom(String name) {
        Room room = rooms.get(name);
        if (room != null) {
            return Optional.of(room);
        }
        return ChatRules.isValidRoom(name) && engine.knows(name) ? Optional.of(room(name)) : Optional.empty();
    }

    /**
     * A page of a room's kept messages (see {@link Room}); empty when the room does not exist. Reading never creates
     * a room.
     */
    public Optional<HistoryPage> history(String name, long since, int limit) {
        while (true) {
            Optional<Room> room = existingRoom(name);
            if (room.isEmpty()) {
                return Optional.empty();
            }
            Optional<HistoryPage> page = room.get().history(since, limit);
            if (page.isPresent()) {
                return page;
            }
            rooms.remove(name, room.get()); // closed while we looked it up; normally gone already
        }
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

    /** Rooms open on this node now. */
    public int openRooms() {
        return rooms.size();
    }

    /** What the open rooms' histories hold in memory, as counted against {@code history.memory.max.bytes}. */
    public long historyBytes() {
        return memory.bytes();
    }

    /** Closes a room nobody here is in and hands it back to the engine; a join meanwhile keeps it open. */
    private boolean closeIfUnused(Room room, long idleMillis) {
        boolean[] closed = {false};
        // Inside the map's lock for the name: a new room of that name opens only after the engine let this one go.
        rooms.computeIfPresent(room.name(), (name, current) -> {
            if (current != room || !room.closeIfUnused(idleMillis)) {
                return current;
            }
            closed[0] = true;
            try {
                engine.release(name, room);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the engine could not let room " + name + " go", e);
            }
            return null;
        });
        return closed[0];
    }

    /** Stops closing idle rooms and closes the engine. */
    @Override
    public void close() {
        reaper.close();
        engine.close();
    }
}
