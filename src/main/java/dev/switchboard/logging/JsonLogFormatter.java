package dev.switchboard.logging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line ({@code log.format=json} in the launcher): {@code time}, {@code level}, {@code logger},
 * {@code message}, a {@code thrown} stack trace when there is one, and a connection event's own fields.
 */
public final class JsonLogFormatter extends Formatter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Makes every handler of the root logger (the console, unless configured otherwise) write JSON lines. */
    public static void installOnRootHandlers() {
        JsonLogFormatter formatter = new JsonLogFormatter();
        for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setFormatter(formatter);
        }
    }

    @Override
    public String format(LogRecord record) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", record.getInstant().toString())
                .put("level", record.getLevel().getName())
                .put("logger", record.getLoggerName());
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length == 1 && parameters[0] instanceof ConnectionEvent event) {
            line.setAll(event.json());
        } else {
            line.put("message", formatMessage(record));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("thrown", trace.toString());
        }
        return line.toString() + System.lineSeparator();
    }
}
