package dev.switchboard.hub;

import java.time.Instant;

/**
 * Told what happens in the rooms of this node, once per happening across all nodes: a message said through this
 * node (after it is durable; a repeated client id is not said again), a name's first connection to a room and its
 * last one leaving. It is called on the threads that do the work, some of them holding a room's lock: it must only
 * hand the news on (to a bounded queue) and never block.
 */
public interface RoomObserver {

    /** Observes nothing. */
    RoomObserver NONE = new RoomObserver() {
        @Override
        public boolean observing() {
            return false;
        }
    };

    /** False only for {@link #NONE}: rooms then skip the work of telling it. */
    default boolean observing() {
        return true;
    }

    /** A message said through this node became durable with {@code seq}. */
    default void said(String room, long seq, String from, String text, Instant at) {
    }

    /** {@code name} is now present in {@code room} (its first connection, on any node). */
    default void joined(String room, String name) {
    }

    /** {@code name}'s last connection to {@code room} (on any node) is gone. */
    default void left(String room, String name) {
    }
}
