package dev.switchboard.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The java.util.logging records of this JVM while it is open, formatted as a log file would be: every level of
 * Switchboard's own loggers, and what the container logs at the levels a production server runs with (INFO and up;
 * a container's own debug output, e.g. Tyrus dumping whole handshakes at FINE, is the operator's choice).
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Level rootLevel;
    private final List<String> lines = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogCapture() {
        rootLevel = root.getLevel();
        setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(this);
    }

    public static LogCapture everything() {
        return new LogCapture();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        boolean ours = record.getLoggerName() != null && record.getLoggerName().startsWith("dev.switchboard");
        if (ours || record.getLevel().intValue() >= Level.INFO.intValue()) {
            lines.add(formatter.format(record));
            messages.add(formatter.formatMessage(record));
        }
    }

    /** Every message so far (without the formatter's time and source), oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(messages);
    }

    public synchronized boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    public synchronized List<String> matching(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(rootLevel);
    }
}
