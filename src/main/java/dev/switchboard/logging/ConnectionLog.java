package dev.switchboard.logging;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log line per connection opened and closed, on the logger {@value #LOGGER} at INFO (raise its level to silence
 * it, or set {@code log.connections=false}). The record carries the {@link ConnectionEvent} as its parameter, so
 * {@link JsonLogFormatter} writes its fields; any other formatter shows the text.
 */
public final class ConnectionLog {

    public static final String LOGGER = "dev.switchboard.connections";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    private final boolean enabled;

    public ConnectionLog(boolean enabled) {
        this.enabled = enabled;
    }

    public void opened(String transport, String room, String name, String client) {
        log(new ConnectionEvent("open", transport, room, name, client, 0, "", 0));
    }

    /** @param openedAtNanos {@link System#nanoTime()} when it opened */
    public void closed(String transport, String room, String name, String client, int code, String reason,
                       long openedAtNanos) {
        log(new ConnectionEvent("close", transport, room, name, client, code, reason == null ? "" : reason,
                (System.nanoTime() - openedAtNanos) / 1_000_000));
    }

    private void log(ConnectionEvent event) {
        if (!enabled || !LOG.isLoggable(Level.INFO)) {
            return;
        }
        LogRecord record = new LogRecord(Level.INFO, event.text());
        record.setLoggerName(LOGGER);
        // Named here, or every line walks the stack to find its caller (3% of a reconnect storm's CPU).
        record.setSourceClassName(ConnectionLog.class.getName());
        record.setSourceMethodName("log");
        record.setParameters(new Object[] {event});
        LOG.log(record);
    }
}
