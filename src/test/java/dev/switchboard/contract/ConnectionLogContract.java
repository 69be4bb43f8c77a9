package dev.switchboard.contract;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One log line per connection opened and closed: transport, room, name, client address, and on close the code,
 * reason and duration. Read from the JVM's own log (the runtime under test runs in the test's JVM).
 */
public interface ConnectionLogContract extends ServerUnderTest {

    /** The line is written on the container's close callback; generous for a loaded machine. */
    Duration LOGGED_WITHIN = Duration.ofSeconds(30);

    private static String awaitLine(LogCapture logs, String start) {
        Conditions.await("a log line starting '" + start + "'", LOGGED_WITHIN,
                () -> logs.lines().stream().anyMatch(line -> line.startsWith(start)));
        List<String> lines = logs.lines().stream().filter(line -> line.startsWith(start)).toList();
        assertEquals(1, lines.size(), () -> "one line per connection event: " + lines);
        return lines.get(0);
    }

    @Test
    default void aWebSocketMemberIsLoggedWhenItOpensAndClosesWithItsCodeAndReason() {
        String room = Rooms.fresh();
        try (LogCapture logs = LogCapture.everything()) {
            try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann"))) {
                ann.expect("welcome");
                assertEquals("connection opened: websocket room=" + room + " name=ann client=127.0.0.1",
                        awaitLine(logs, "connection opened: websocket room=" + room));
                ann.socket().sendClose(4000, "going home").join();
                ann.awaitClose();
            }
            String closed = awaitLine(logs, "connection closed: websocket room=" + room);
            assertTrue(closed.matches("connection closed: websocket room=" + room
                    + " name=ann client=127\\.0\\.0\\.1 code=4000 reason=\"going home\" duration=\\d+ms"), closed);
        }
    }

    @Test
    default void aLineMemberIsLoggedWhenItOpensAndQuits() {
        assumeLineProtocol();
        String room = Rooms.fresh();
        try (LogCapture logs = LogCapture.everything()) {
            try (LineClient line = LineClient.join(baseUri(), room, "liner")) {
                line.readLine();
                awaitLine(logs, "connection opened: line room=" + room + " name=liner client=127.0.0.1");
                line.send("/quit");
                line.readLineStartingWith("* bye");
            }
            String closed = awaitLine(logs, "connection closed: line room=" + room);
            assertTrue(closed.matches("connection closed: line room=" + room
                    + " name=liner client=127\\.0\\.0\\.1 reason=quit duration=\\d+ms"), closed);
        }
    }
}
