package dev.switchboard.standalone;

import dev.switchboard.hub.Event;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.HeapMemoryManager;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The launcher's pre-encoded frames, read back with RFC 6455 §5.2 in hand. */
class WebSocketFramesTest {

    private static final HeapMemoryManager MEMORY = new HeapMemoryManager();

    /** A frame as RFC 6455 lays it out. */
    private record Frame(boolean fin, int opcode, boolean masked, int lengthBytes, byte[] payload) {
    }

    @Test
    void anEventBecomesOneFinalUnmaskedTextFrameOfItsUtf8() {
        Event event = new Event("{\"text\":\"héllo ✓\"}");
        List<Frame> frames = decode(WebSocketFrames.encode(List.of(event), MEMORY));
        assertEquals(1, frames.size());
        Frame frame = frames.get(0);
        assertEquals(true, frame.fin());
        assertEquals(0x1, frame.opcode());
        assertEquals(false, frame.masked());
        assertArrayEquals(event.json().getBytes(StandardCharsets.UTF_8), frame.payload());
    }

    @Test
    void aByteBufferBecomesABinaryFrameAndIsNotConsumed() {
        ByteBuffer bytes = ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff});
        Frame frame = decode(WebSocketFrames.encode(List.of(bytes), MEMORY)).get(0);
        assertEquals(0x2, frame.opcode());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, frame.payload());
        assertEquals(4, bytes.remaining(), "the same buffer goes to every member");
    }

    @Test
    void payloadLengthsUseTheShortestOfTheThreeLengthForms() {
        int[] lengths = {0, 125, 126, 65535, 65536};
        int[] lengthBytes = {1, 1, 3, 3, 9};
        for (int i = 0; i < lengths.length; i++) {
            byte[] payload = new byte[lengths[i]];
            Arrays.fill(payload, (byte) 'x');
            Frame frame = decode(WebSocketFrames.encode(List.of(ByteBuffer.wrap(payload)), MEMORY)).get(0);
            assertEquals(lengths[i], frame.payload().length, "payload of " + lengths[i]);
            assertEquals(lengthBytes[i], frame.lengthBytes(), "length bytes for " + lengths[i]);
        }
    }

    @Test
    void aBatchIsLaidOutFrameAfterFrameInOrder() {
        List<Object> batch = List.of(new Event("one"), ByteBuffer.wrap(new byte[200]), new Event("three"));
        List<Frame> frames = decode(WebSocketFrames.encode(batch, MEMORY));
        assertEquals(List.of(0x1, 0x2, 0x1), frames.stream().map(Frame::opcode).toList());
        assertEquals("one", new String(frames.get(0).payload(), StandardCharsets.UTF_8));
        assertEquals(200, frames.get(1).payload().length);
        assertEquals("three", new String(frames.get(2).payload(), StandardCharsets.UTF_8));
    }

    private static List<Frame> decode(Buffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int first = bytes[at] & 0xff;
            int second = bytes[at + 1] & 0xff;
            int length7 = second & 0x7f;
            long length = length7;
            int lengthBytes = 1;
            if (length7 == 126) {
                length = ((bytes[at + 2] & 0xffL) << 8) | (bytes[at + 3] & 0xffL);
                lengthBytes = 3;
            } else if (length7 == 127) {
                length = 0;
                for (int k = 0; k < 8; k++) {
                    length = (length << 8) | (bytes[at + 2 + k] & 0xffL);
                }
                lengthBytes = 9;
            }
            int payloadStart = at + 1 + lengthBytes;
            byte[] payload = Arrays.copyOfRange(bytes, payloadStart, payloadStart + (int) length);
            frames.add(new Frame((first & 0x80) != 0, first & 0x0f, (second & 0x80) != 0, lengthBytes, payload));
            at = payloadStart + (int) length;
        }
        return frames;
    }
}
