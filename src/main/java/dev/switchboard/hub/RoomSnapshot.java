package dev.switchboard.hub;

import java.util.List;

/**
 * A room as an engine holds it when a node opens it.
 *
 * @param epoch   names this incarnation of the room's history: it changes when the engine loses the room's data, so
 *                that a {@code since} from before means nothing
 * @param lastSeq the seq of the latest message, 0 before the first
 * @param history the kept messages, oldest first, ending at {@code lastSeq}
 */
public record RoomSnapshot(String epoch, long lastSeq, List<StoredMessage> history) {
}
