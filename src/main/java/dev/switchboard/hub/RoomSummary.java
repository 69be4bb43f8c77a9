package dev.switchboard.hub;

/**
 * What {@code GET /api/rooms} lists for one room.
 *
 * @param room    the room's name
 * @param members how many distinct names are present
 * @param lastSeq the seq of the room's latest message, 0 before the first
 */
public record RoomSummary(String room, int members, long lastSeq) {
}
