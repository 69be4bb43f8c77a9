package dev.switchboard.hub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A connection that belongs to a room: it receives every room event, encoded once for all members.
 * <p>
 * {@link #deliver(Event)} is called while the room holds its lock, so implementations must only enqueue,
 * never block on the network.
 */
public interface Member {

    /** The member's chat name; several connections may share one name. */
    String name();

    /** Queues one event for this connection. Must not block. */
    void deliver(Event event);

    /** When the member's credentials expire (its welcome says so), or empty when they do not. */
    default Optional<Instant> expiresAt() {
        return Optional.empty();
    }

    /** Whether it may see who is in the room: the welcome's member list, join and leave events. */
    default boolean seesPresence() {
        return true;
    }

    /**
     * Queues history the member asked for on joining. It is already held by the room, so a transport may let it
     * exceed the usual queue bounds, which then apply to what comes after.
     */
    default void replay(List<Event> events) {
        events.forEach(this::deliver);
    }
}
