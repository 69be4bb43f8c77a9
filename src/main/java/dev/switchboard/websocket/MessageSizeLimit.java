package dev.switchboard.websocket;

/**
 * Counts the bytes of the message being received, part by part (the parts of one message arrive in order), against
 * {@code max.message.bytes}. Every container enforces its buffer for fragmented messages only, or not at all for a
 * single frame, so the endpoints count themselves and close with 1009 whatever the framing.
 */
final class MessageSizeLimit {

    private final int maxBytes;
    private long bytes;

    MessageSizeLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Adds a part; false once the message is over the limit. */
    boolean add(long partBytes) {
        bytes += partBytes;
        return bytes <= maxBytes;
    }

    /** The message ended: the next part starts a new one. */
    void reset() {
        bytes = 0;
    }

    /** The close reason of a message over the limit. */
    String reason() {
        return "message over " + maxBytes + " bytes";
    }
}
