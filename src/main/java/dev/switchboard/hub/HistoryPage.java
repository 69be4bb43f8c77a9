package dev.switchboard.hub;

import java.util.List;

/**
 * A slice of a room's history, as {@code GET /api/rooms/{room}/messages} returns it.
 *
 * @param room     the room
 * @param messages encoded {@code message} events, oldest first
 * @param lastSeq  the room's latest seq
 */
public record HistoryPage(String room, List<Event> messages, long lastSeq) {

    /** {@code {"room":R,"messages":[...],"lastSeq":L}}, reusing the events as they were encoded once. */
    public String toJson() {
        StringBuilder json = new StringBuilder(64 + messages.stream().mapToInt(Event::length).sum());
        json.append("{\"room\":").append(Events.quote(room)).append(",\"messages\":[");
        for (int i = 0; i < messages.size(); i++) {
            json.append(i == 0 ? "" : ",").append(messages.get(i).json());
        }
        return json.append("],\"lastSeq\":").append(lastSeq).append('}').toString();
    }
}
