package dev.switchboard.standalone;

import org.glassfish.grizzly.Buffer;

/**
 * Follows the WebSocket frames a client sends on one connection, from their headers alone, and reports the first
 * that must not reach Tyrus:
 * <ul>
 *   <li>an unmasked frame: RFC 6455 §5.1 says a server MUST close the connection, and Tyrus accepts them;</li>
 *   <li>a data frame that takes its message over {@code max.message.bytes}: Tyrus enforces the limit for fragmented
 *   messages only, and answers a single frame larger than its buffer with 1002, after reading it whole. Here the
 *   header tells, before any of the payload is buffered.</li>
 * </ul>
 * Reads only headers and skips payloads; never consumes the buffer.
 */
final class ClientFrameGuard {

    /** What the guard says about the bytes it was fed. */
    enum Verdict { ALLOW, UNMASKED, TOO_BIG }

    private static final int MASK_BIT = 0x80;
    private static final int FIN_BIT = 0x80;
    private static final int CONTINUATION = 0x0;
    private static final int FIRST_CONTROL_OPCODE = 0x8;
    private static final int CLOSE = 0x8;

    private final long maxMessageBytes;
    private final byte[] header = new byte[14];
    private int headerLength;
    private int headerNeeded = 2;
    private long payloadLeft;
    private long messageBytes;
    private boolean closeSeen;

    ClientFrameGuard(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Feeds the next bytes of the stream; the first verdict other than ALLOW is final for the connection. After
     * TOO_BIG it goes on following the frames (skipping their payloads), so that {@link #closeSeen()} tells when the
     * client answered the server's close.
     */
    Verdict check(Buffer bytes) {
        Verdict verdict = Verdict.ALLOW;
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
                    return Verdict.UNMASKED;
                }
                closeSeen |= (header[0] & 0x0f) == CLOSE;
                int length7 = header[1] & 0x7f;
                headerNeeded = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + 4;
            }
            if (headerLength == headerNeeded) {
                payloadLeft = payloadLength();
                if (!countData()) {
                    verdict = Verdict.TOO_BIG;
                }
                headerLength = 0;
                headerNeeded = 2;
            }
        }
        return verdict;
    }

    /** Whether the client has sent a close frame (its header, at least). */
    boolean closeSeen() {
        return closeSeen;
    }

    /** Adds a data frame's payload to its message; false when the message is now over the limit. */
    private boolean countData() {
        int opcode = header[0] & 0x0f;
        if (opcode >= FIRST_CONTROL_OPCODE) {
            return true;
        }
        if (opcode != CONTINUATION) {
            messageBytes = 0;
        }
        messageBytes += payloadLeft;
        boolean within = messageBytes <= maxMessageBytes;
        if ((header[0] & FIN_BIT) != 0) {
            messageBytes = 0;
        }
        return within;
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
