package dev.switchboard.line;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits incoming bytes into UTF-8 lines ended by LF or CRLF. A line longer than the limit is not buffered: its
 * bytes are dropped up to its end and {@code onTooLong} is told once, so a client cannot grow our memory.
 */
final class LineDecoder {

    private final int maxLineBytes;
    private final Consumer<String> onLine;
    private final Runnable onTooLong;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean discarding;

    LineDecoder(int maxLineBytes, Consumer<String> onLine, Runnable onTooLong) {
        this.maxLineBytes = maxLineBytes;
        this.onLine = onLine;
        this.onTooLong = onTooLong;
    }

    void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                endLine();
            } else if (discarding) {
                continue;
            } else if (line.size() >= maxLineBytes) {
                discarding = true;
                line.reset();
                onTooLong.run();
            } else {
                line.write(b);
            }
        }
    }

    private void endLine() {
        if (discarding) {
            discarding = false;
            return;
        }
        byte[] bytes = line.toByteArray();
        line.reset();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        onLine.accept(new String(bytes, 0, end, StandardCharsets.UTF_8));
    }
}
