package dev.switchboard.logging;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The launcher's console: records are formatted and written to standard error by one background thread, several
 * lines per write. The JDK's {@code ConsoleHandler} writes and flushes each record on the thread that logs it, which
 * is a selector thread for the connection log: a system call per connection opened, and a selector that stops when
 * whatever reads standard error (a pipe, journald) falls behind. The queue is bounded; when it is full a record is
 * dropped and counted, and the count is written once the console keeps up again. {@link #close()} (the JDK's logging
 * shutdown hook calls it) writes everything queued before it returns.
 */
public final class AsyncConsoleHandler extends Handler {

    /** Records waiting for the console; a burst of 20,000 connection lines fits. */
    static final int CAPACITY = 32_768;

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Writer out;
    private final Thread writer;
    private volatile boolean closed;

    /** Writes to {@code out} through a thread of its own, started here. */
    public AsyncConsoleHandler(PrintStream out, Formatter formatter, Level level) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        setFormatter(formatter);
        setLevel(level);
        writer = new Thread(this::writeUntilClosed, "switchboard-log");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Puts this handler in place of the root logger's {@code ConsoleHandler}s, with their formatter and level (the
     * JDK's own when nothing was configured).
     */
    public static void replaceRootConsole() {
        Logger root = Logger.getLogger("");
        Formatter formatter = new SimpleFormatter();
        Level level = Level.INFO;
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof java.util.logging.ConsoleHandler console) {
                formatter = console.getFormatter();
                level = console.getLevel();
                root.removeHandler(console);
                console.close();
            }
        }
        root.addHandler(new AsyncConsoleHandler(System.err, formatter, level));
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        // The formatter may ask for the caller, which the JDK finds by walking the stack: on this thread, not the
        // writer's.
        record.getSourceClassName();
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    /** Waits (a little) for what is queued now to be written; logging does not wait for the console otherwise. */
    @Override
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!queue.isEmpty() && System.nanoTime() < deadline && writer.isAlive()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Writes everything queued, then stops the writer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (queue.offer(END, 5, TimeUnit.SECONDS)) {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilClosed() {
        List<Object> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch);
                boolean end = false;
                for (Object item : batch) {
                    if (item == END) {
                        end = true;
                    } else {
                        write((LogRecord) item);
                    }
                }
                batch.clear();
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.write("switchboard: " + lost + " log records dropped: standard error did not keep up"
                            + System.lineSeparator());
                }
                out.flush();
                if (end) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            reportError("cannot write to the console", e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void write(LogRecord record) throws IOException {
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        out.write(line);
    }
}
