package dev.switchboard.hub;

/**
 * Decides who may bring a room into being: a room that does not exist yet is created by the first member who joins
 * it or the first message published to it, if the policy allows that name for that sender. Rooms that exist are not
 * asked about (who may read or write an existing room is the token's or the container's role grants'). It runs on
 * the caller's thread before the room is created: keep it quick and never block in it.
 * <p>
 * Name an implementation with a public no-argument constructor in the {@code room.policy} setting.
 */
@FunctionalInterface
public interface RoomPolicy {

    /** Anyone may create any room the name rules allow. */
    RoomPolicy OPEN = (room, who) -> null;

    /**
     * @param room the new room's name (already valid by {@link ChatRules#isValidRoom(String)})
     * @param who  the member joining or the sender publishing
     * @return null to allow it, or a sentence the caller sees (WebSocket close 4003, HTTP 403)
     */
    String refusalToCreate(String room, String who);
}
