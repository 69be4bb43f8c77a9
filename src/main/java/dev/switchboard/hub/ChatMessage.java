package dev.switchboard.hub;

import java.time.Instant;

/**
 * One message said in a room.
 *
 * @param room the room it was said in
 * @param seq  its position in the room: 1 for the first message, then one more for each
 * @param from the sender's name
 * @param text the text, already validated
 * @param ts   when the room accepted it (UTC)
 */
public record ChatMessage(String room, long seq, String from, String text, Instant ts) {

    /** The {@code message} event for this message, as sent to every member. */
    public Event toEvent() {
        return Events.message(this);
    }
}
