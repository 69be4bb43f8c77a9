package dev.switchboard.standalone;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The launcher's guard judges a client's frames from their headers, before any payload is buffered. */
class ClientFrameGuardTest {

    private static final int LIMIT = 65536;

    /** A masked client frame header (payload not included) with this first byte and payload length. */
    private static byte[] header(int firstByte, long length, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int mask = masked ? 0x80 : 0;
        if (length < 126) {
            out.write(mask | (int) length);
        } else if (length <= 0xffff) {
            out.write(mask | 126);
            out.write((int) (length >>> 8));
            out.write((int) (length & 0xff));
        } else {
            out.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >>> shift) & 0xff);
            }
        }
        if (masked) {
            out.writeBytes(new byte[] {1, 2, 3, 4});
        }
        return out.toByteArray();
    }

    private static Buffer bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, out.toByteArray());
    }

    @Test
    void aSingleFrameOfFourMebibytesIsTooBigFromItsHeaderAlone() {
        ClientFrameGuard guard = new ClientFrameGuard(LIMIT);
        assertEquals(ClientFrameGuard.Verdict.TOO_BIG, guard.check(bytes(header(0x81, 4L << 20, true))));
    }

    @Test
    void aFrameOfExactlyTheLimitIsAllowed() {
        ClientFrameGuard guard = new ClientFrameGuard(LIMIT);
        assertEquals(ClientFrameGuard.Verdict.ALLOW,
                guard.check(bytes(header(0x81, LIMIT, true), new byte[LIMIT], header(0x81, 5, true), new byte[5])));
    }

    @Test
    void fragmentsAreCountedTogetherAndControlFramesBetweenThemAreNot() {
        ClientFrameGuard guard = new ClientFrameGuard(LIMIT);
        assertEquals(ClientFrameGuard.Verdict.ALLOW, guard.check(bytes(
                header(0x01, 40_000, true), new byte[40_000],
                header(0x89, 4, true), new byte[4])));
        assertEquals(ClientFrameGuard.Verdict.TOO_BIG, guard.check(bytes(header(0x80, 30_000, true))));
    }

    @Test
    void aNewMessageStartsCountingAgain() {
        ClientFrameGuard guard = new ClientFrameGuard(LIMIT);
        assertEquals(ClientFrameGuard.Verdict.ALLOW, guard.check(bytes(
                header(0x81, 60_000, true), new byte[60_000],
                header(0x82, 60_000, true), new byte[60_000])));
    }

    @Test
    void anUnmaskedFrameIsRefused() {
        ClientFrameGuard guard = new ClientFrameGuard(LIMIT);
        assertEquals(ClientFrameGuard.Verdict.UNMASKED, guard.check(bytes(header(0x81, 5, false))));
    }
}
