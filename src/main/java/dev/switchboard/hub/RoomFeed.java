package dev.switchboard.hub;

/**
 * How an engine hands a room's messages to this node: each durable message once, in seq order. Called on an
 * engine's thread; implementations only enqueue.
 */
public interface RoomFeed {

    /**
     * The room's state, before any {@link #committed} message: when the engine opens the room, and again when it
     * lost the room's data (its epoch changed, for example after a store was wiped).
     */
    void opened(RoomSnapshot snapshot);

    /** A message the engine has made durable, the next in seq order. */
    void committed(StoredMessage message);

    /** Members on other nodes came or went; {@code events} are the join and leave events to show. */
    default void presence(java.util.List<Event> events) {
    }
}
