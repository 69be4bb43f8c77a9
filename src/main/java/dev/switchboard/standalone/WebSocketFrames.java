package dev.switchboard.standalone;

import dev.switchboard.hub.Event;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.MemoryManager;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Server-to-client WebSocket data frames (RFC 6455 §5.2): unmasked, unfragmented, no extension. A batch of messages
 * is laid out back to back in one buffer, so it goes out in one write; an event's payload is the UTF-8 it was
 * encoded to once for all its receivers.
 */
final class WebSocketFrames {

    private static final int FIN_TEXT = 0x81;
    private static final int FIN_BINARY = 0x82;

    private WebSocketFrames() {
    }

    /** The frames of every message of {@code batch}, in order, in one buffer ready to write. */
    static Buffer encode(List<Object> batch, MemoryManager<?> memory) {
        long size = 0;
        for (Object message : batch) {
            int payload = payloadLength(message);
            size += headerLength(payload) + payload;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a batch of " + size + " bytes does not fit one buffer");
        }
        Buffer buffer = memory.allocate((int) size);
        for (Object message : batch) {
            if (message instanceof Event event) {
                byte[] payload = event.utf8();
                putHeader(buffer, FIN_TEXT, payload.length);
                buffer.put(payload);
            } else {
                ByteBuffer payload = ((ByteBuffer) message).duplicate();
                putHeader(buffer, FIN_BINARY, payload.remaining());
                buffer.put(payload);
            }
        }
        buffer.flip();
        buffer.allowBufferDispose(true);
        return buffer;
    }

    private static int payloadLength(Object message) {
        return message instanceof Event event ? event.utf8().length : ((ByteBuffer) message).remaining();
    }

    static int headerLength(int payload) {
        return payload < 126 ? 2 : payload <= 0xFFFF ? 4 : 10;
    }

    private static void putHeader(Buffer buffer, int finAndOpcode, int payload) {
        buffer.put((byte) finAndOpcode);
        if (payload < 126) {
            buffer.put((byte) payload);
        } else if (payload <= 0xFFFF) {
            buffer.put((byte) 126);
            buffer.putShort((short) payload);
        } else {
            buffer.put((byte) 127);
            buffer.putLong(payload);
        }
    }
}
