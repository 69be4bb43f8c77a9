package dev.switchboard.hub;

/**
 * A connection that belongs to a room: it receives every room event, already encoded as one JSON text.
 * <p>
 * {@link #deliver(String)} is called while the room holds its lock, so implementations must only enqueue,
 * never block on the network.
 */
public interface Member {

    /** The member's chat name; several connections may share one name. */
    String name();

    /** Queues one encoded event for this connection. Must not block. */
    void deliver(String eventJson);

    /**
     * Queues history the member asked for on joining. It is already held by the room, so a transport may let it
     * exceed the usual queue bounds, which then apply to what comes after.
     */
    default void replay(java.util.List<String> events) {
        events.forEach(this::deliver);
    }
}
