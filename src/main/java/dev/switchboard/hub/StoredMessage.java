package dev.switchboard.hub;

/**
 * A message as the engine keeps it: its place in the room, who said it with which client id, and its
 * {@code message} event, encoded once and shared by every member, history and the store.
 *
 * @param seq      its position in the room: 1 for the first message, then one more for each
 * @param from     the sender's name
 * @param clientId the id the sender chose for exactly-once sending, or null
 * @param event    the {@code message} event
 * @param publishedAtNanos {@link System#nanoTime()} when it was published on this node, or 0 (read back, or said on
 *                 another node)
 */
public record StoredMessage(long seq, String from, String clientId, Event event, long publishedAtNanos) {

    public StoredMessage(long seq, String from, String clientId, Event event) {
        this(seq, from, clientId, event, 0);
    }
}
