package dev.switchboard.engine;

import dev.switchboard.hub.Appended;
import dev.switchboard.hub.EngineHealth;
import dev.switchboard.hub.MessageDraft;
import dev.switchboard.hub.RoomEngine;
import dev.switchboard.hub.RoomFeed;
import dev.switchboard.hub.RoomSnapshot;
import dev.switchboard.hub.RoomSummary;
import dev.switchboard.hub.StoredMessage;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code memory} engine: rooms live in this JVM only and are gone when it stops (a new epoch each start tells
 * reconnecting clients so). Appends are delivered on the publishing thread, with nothing on disk: for tests and
 * benchmarks.
 */
public final class MemoryEngine implements RoomEngine {

    private final ConcurrentHashMap<String, MemoryRoom> rooms = new ConcurrentHashMap<>();
    private final int historySize;

    public MemoryEngine(int historySize) {
        this.historySize = historySize;
    }

    @Override
    public void open(String room, RoomFeed feed) {
        MemoryRoom state = stateOf(room);
        synchronized (state) {
            state.feed = feed;
            feed.opened(new RoomSnapshot(state.epoch, state.lastSeq, List.copyOf(state.history)));
        }
    }

    @Override
    public CompletableFuture<Appended> append(String room, MessageDraft draft) {
        MemoryRoom state = stateOf(room);
        synchronized (state) {
            String key = ClientIds.key(draft.from(), draft.clientId());
            if (key != null) {
                StoredMessage original = state.byClientId.get(key);
                if (original != null) {
                    return CompletableFuture.completedFuture(new Appended(original, true));
                }
            }
            StoredMessage message = draft.at(++state.lastSeq);
            state.keep(message, key, historySize);
            if (state.feed != null) {
                state.feed.committed(message);
            }
            return CompletableFuture.completedFuture(new Appended(message, false));
        }
    }

    /** The memory engine keeps nothing of a room nobody follows: its history and epoch are gone. */
    @Override
    public void release(String room, RoomFeed feed) {
        rooms.computeIfPresent(room, (name, state) -> {
            synchronized (state) {
                return state.feed == feed ? null : state;
            }
        });
    }

    @Override
    public long roomCount() {
        return rooms.size();
    }

    private MemoryRoom stateOf(String room) {
        return rooms.computeIfAbsent(room, r -> new MemoryRoom(Epochs.next()));
    }

    @Override
    public List<RoomSummary> rooms() {
        return rooms.entrySet().stream()
                .map(e -> new RoomSummary(e.getKey(), 0, e.getValue().lastSeq()))
                .sorted(Comparator.comparing(RoomSummary::room))
                .toList();
    }

    @Override
    public boolean knows(String room) {
        return rooms.containsKey(room);
    }

    @Override
    public EngineHealth health() {
        return new EngineHealth("memory", true, "rooms live in this process only");
    }

    @Override
    public void close() {
        rooms.clear();
    }

    /** One room's state; guarded by its own lock. */
    private static final class MemoryRoom {
        final String epoch;
        final ArrayDeque<StoredMessage> history = new ArrayDeque<>();
        final Map<String, StoredMessage> byClientId = new HashMap<>();
        long lastSeq;
        RoomFeed feed;

        MemoryRoom(String epoch) {
            this.epoch = epoch;
        }

        void keep(StoredMessage message, String clientIdKey, int historySize) {
            lastSeq = message.seq();
            history.addLast(message);
            if (clientIdKey != null) {
                byClientId.put(clientIdKey, message);
            }
            if (history.size() > historySize) {
                StoredMessage gone = history.removeFirst();
                String goneKey = ClientIds.key(gone.from(), gone.clientId());
                if (goneKey != null) {
                    byClientId.remove(goneKey, gone);
                }
            }
        }

        synchronized long lastSeq() {
            return lastSeq;
        }
    }
}
