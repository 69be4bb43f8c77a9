package dev.switchboard.cdi;

import java.time.Instant;

/**
 * CDI event ({@code @Observes MessageSaid}): a message said through this node, once it is durable.
 * Fired by one thread of Switchboard's, in the order it happened, never on a room's thread
 * (see {@link CdiRoomEvents}).
 */
public record MessageSaid(String room, long seq, String from, String text, Instant at) {
}
