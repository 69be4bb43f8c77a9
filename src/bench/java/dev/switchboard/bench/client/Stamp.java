package dev.switchboard.bench.client;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The load's message text: {@code @<send nanoTime>#<message id>} padded with {@code x} to a fixed size. The marker
 * survives any envelope a server puts around it (a chat {@code message} event quotes it unchanged), so a receiver
 * finds it in the raw frame bytes without parsing JSON. {@link System#nanoTime()} is CLOCK_MONOTONIC on Linux,
 * comparable across the processes of one machine.
 */
public final class Stamp {

    private static final byte MARK = '@';
    private static final byte ID = '#';

    private Stamp() {
    }

    /** The text for message {@code id} sent at {@code nanos}, {@code size} characters long (more if it must). */
    public static String text(long nanos, long id, int size) {
        String head = "@" + nanos + "#" + id + ";";
        if (head.length() >= size) {
            return head;
        }
        char[] padding = new char[size - head.length()];
        Arrays.fill(padding, 'x');
        return head + new String(padding);
    }

    /** The send time in a frame's payload, or -1 when it carries no stamp (welcome, join, ...). */
    public static long nanos(ByteBuf payload) {
        int at = payload.indexOf(payload.readerIndex(), payload.writerIndex(), MARK);
        return at < 0 ? -1 : number(payload, at + 1);
    }

    /** The message id in a frame's payload, or -1. */
    public static long id(ByteBuf payload) {
        int at = payload.indexOf(payload.readerIndex(), payload.writerIndex(), MARK);
        if (at < 0) {
            return -1;
        }
        int hash = payload.indexOf(at, payload.writerIndex(), ID);
        return hash < 0 ? -1 : number(payload, hash + 1);
    }

    private static long number(ByteBuf payload, int from) {
        long value = 0;
        for (int i = from; i < payload.writerIndex(); i++) {
            byte b = payload.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** The bytes of a text, for building frames. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
