package dev.switchboard.hub;

/**
 * Bounds of one connection's outbound backlog.
 *
 * @param maxMessages how many messages may wait
 * @param maxChars    how many characters they may hold together (JSON events are mostly ASCII: about bytes)
 */
public record QueueLimits(int maxMessages, long maxChars) {
}
