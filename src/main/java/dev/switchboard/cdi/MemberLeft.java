package dev.switchboard.cdi;

/**
 * CDI event ({@code @Observes MemberLeft}): a name's last connection to a room is gone (on every node).
 * Fired by one thread of Switchboard's, in the order it happened, never on a room's thread
 * (see {@link CdiRoomEvents}).
 */
public record MemberLeft(String room, String name) {
}
