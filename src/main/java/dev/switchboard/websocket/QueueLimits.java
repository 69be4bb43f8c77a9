package dev.switchboard.websocket;

/**
 * Bounds of one connection's outbound queue.
 *
 * @param maxMessages how many messages may wait
 * @param maxChars    how many characters they may hold together
 */
public record QueueLimits(int maxMessages, long maxChars) {

    /** About 1 MiB of JSON or 4096 events, whichever comes first. */
    public static final QueueLimits DEFAULT = new QueueLimits(4096, 1L << 20);
}
