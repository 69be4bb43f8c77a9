package dev.switchboard.logging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncConsoleHandlerTest {

    private static final Formatter MESSAGE_PER_LINE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    };

    @Test
    void closeWritesEveryQueuedRecordInOrder() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AsyncConsoleHandler handler = new AsyncConsoleHandler(new PrintStream(console), MESSAGE_PER_LINE, Level.INFO);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            handler.publish(new LogRecord(Level.INFO, "line " + i));
            expected.append("line ").append(i).append('\n');
        }
        handler.close();
        assertEquals(expected.toString(), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void recordsBelowTheLevelAreNotWritten() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AsyncConsoleHandler handler = new AsyncConsoleHandler(new PrintStream(console), MESSAGE_PER_LINE, Level.INFO);
        handler.publish(new LogRecord(Level.FINE, "detail"));
        handler.publish(new LogRecord(Level.WARNING, "warning"));
        handler.close();
        assertEquals("warning\n", console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aConsoleThatStopsReadingNeverBlocksTheLoggerAndTheDropsAreReportedLater() {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream stalling = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                stuck.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                written.write(bytes, offset, length);
            }
        };
        AsyncConsoleHandler handler = new AsyncConsoleHandler(new PrintStream(stalling), MESSAGE_PER_LINE, Level.INFO);
        handler.publish(new LogRecord(Level.INFO, "first"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertTrue(stuck.await(30, TimeUnit.SECONDS), "the writer reached the console");
            for (int i = 0; i < AsyncConsoleHandler.CAPACITY + 100; i++) {
                handler.publish(new LogRecord(Level.INFO, "more " + i));
            }
        }, "logging waited for a console that does not read");
        released.countDown();
        handler.close();
        String text = written.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("first\n"), text.substring(0, Math.min(200, text.length())));
        assertTrue(text.contains("log records dropped: standard error did not keep up"), "the drops are reported");
    }
}
