package dev.switchboard.standalone;

import org.glassfish.grizzly.Buffer;

/**
 * Follows the WebSocket frames a client sends on one connection and reports the first that is not masked.
 * RFC 6455 §5.1: a server MUST close the connection when it receives an unmasked frame; Tyrus accepts them, so the
 * launcher checks here, in front of it. Reads only headers and skips payloads; never consumes the buffer.
 */
final class MaskedFrameGuard {

    private static final int MASK_BIT = 0x80;

    private final byte[] header = new byte[14];
    private int headerLength;
    private int headerNeeded = 2;
    private long payloadLeft;

    /** Feeds the next bytes of the stream; false as soon as an unmasked frame starts in them. */
    boolean allows(Buffer bytes) {
        int i = bytes.position();
        int limit = bytes.limit();
        while (i < limit) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, limit - i);
                i += skip;
                payloadLeft -= skip;
                continue;
            }
            header[headerLength++] = bytes.get(i++);
            if (headerLength == 2) {
                if ((header[1] & MASK_BIT) == 0) {
                    return false;
                }
                int length7 = header[1] & 0x7f;
                headerNeeded = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + 4;
            }
            if (headerLength == headerNeeded) {
                payloadLeft = payloadLength();
                headerLength = 0;
                headerNeeded = 2;
            }
        }
        return true;
    }

    private long payloadLength() {
        int length7 = header[1] & 0x7f;
        if (length7 < 126) {
            return length7;
        }
        int bytes = length7 == 126 ? 2 : 8;
        long length = 0;
        for (int k = 0; k < bytes; k++) {
            length = (length << 8) | (header[2 + k] & 0xff);
        }
        return length;
    }
}
