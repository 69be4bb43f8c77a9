package dev.switchboard.hub;

/**
 * Bounds of one connection's outbound backlog.
 *
 * @param maxMessages how many messages may wait
 * @param maxChars    how much they may weigh together: characters of text (JSON events are mostly ASCII, so
 *                    about bytes), bytes of binary
 */
public record QueueLimits(int maxMessages, long maxChars) {
}
