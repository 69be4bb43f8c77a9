package dev.switchboard.cdi;

/**
 * CDI event ({@code @Observes MemberJoined}): a name's first connection to a room (on any node).
 * Fired by one thread of Switchboard's, in the order it happened, never on a room's thread
 * (see {@link CdiRoomEvents}).
 */
public record MemberJoined(String room, String name) {
}
