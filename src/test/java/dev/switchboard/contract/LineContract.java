package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second protocol on the port: {@code Upgrade: switchboard-line/1}, text lines in the same rooms. */
public interface LineContract extends ServerUnderTest {

    Pattern MESSAGE_LINE = Pattern.compile("#(\\d+) ([A-Za-z0-9_-]+): (.*)");

    @Test
    default void theSwitchIsAnswered101NamingTheLineProtocol() {
        assumeLineProtocol();
        try (LineClient line = LineClient.open(baseUri(), "line/" + Rooms.fresh() + "?name=ann", 65536,
                "Connection: Upgrade", "Upgrade: switchboard-line/1")) {
            assertEquals(writesReasonPhrases() ? "HTTP/1.1 101 Switching Protocols" : "HTTP/1.1 101",
                    line.statusLine.strip());
            assertEquals("switchboard-line/1", line.headers.get("upgrade"));
            assertEquals("upgrade", line.headers.get("connection").toLowerCase());
            assertTrue(line.readLine().startsWith("* welcome to "), "the first line welcomes");
        }
    }

    @Test
    default void aLineClientAndAWebSocketClientSeeTheSameMessagesInTheSameOrder() {
        assumeLineProtocol();
        String room = Rooms.fresh();
        try (LineClient line = LineClient.join(baseUri(), room, "liner")) {
            assertTrue(line.readLine().startsWith("* welcome"));
            WsClient socket = WsClient.connect(ws("chat/" + room + "?name=socketeer"));
            socket.expect("welcome");
            assertEquals("* socketeer joined (2 here)", line.readLine());
            for (int i = 0; i < 10; i++) {
                line.send("from the line " + i);
                socket.say("from the socket " + i);
            }
            publish(room, "http", "from http");
            List<String> seenByLine = new ArrayList<>();
            List<String> seenBySocket = new ArrayList<>();
            for (int i = 1; i <= 21; i++) {
                Matcher message = MESSAGE_LINE.matcher(line.readLineStartingWith("#"));
                assertTrue(message.matches());
                assertEquals(i, Integer.parseInt(message.group(1)), "consecutive seq on the line");
                seenByLine.add(message.group(1) + " " + message.group(2) + " " + message.group(3));
                JsonNode event = socket.nextOfType("message");
                seenBySocket.add(event.path("seq").asLong() + " " + event.path("from").asText() + " "
                        + event.path("text").asText());
            }
            assertEquals(seenBySocket, seenByLine);
            socket.close();
        }
    }

    @Test
    default void lineMembersArePresentAndQuitLeaves() {
        assumeLineProtocol();
        String room = Rooms.fresh();
        WsClient watcher = WsClient.connect(ws("chat/" + room + "?name=watcher"));
        watcher.expect("welcome");
        try (watcher; LineClient line = LineClient.join(baseUri(), room, "liner")) {
            assertEquals("liner", watcher.expect("join").path("name").asText());
            HttpResponse<String> members = HttpApi.get(http("api/rooms/" + room + "/members"));
            assertTrue(members.body().contains("{\"name\":\"liner\",\"connections\":1}"), members.body());
            line.readLine();
            line.send("/quit");
            assertEquals("* bye", line.readLineStartingWith("* bye"));
            assertTrue(line.endedByServer());
            assertEquals("liner", watcher.nextOfType("leave").path("name").asText());
        }
    }

    @Test
    default void aLineOverTheTextLimitGetsAnErrorLineAndTheConnectionCarriesOn() {
        assumeLineProtocol();
        String room = Rooms.fresh();
        try (LineClient line = LineClient.join(baseUri(), room, "liner")) {
            line.readLine();
            line.send("y".repeat(4097));
            assertTrue(line.readLine().startsWith("! error: text-too-long: "));
            line.sendRaw(("z".repeat(70 * 1024) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(line.readLine().startsWith("! error: line-too-long: "));
            line.send("still here");
            assertEquals("#1 liner: still here", line.readLine());
        }
    }

    @Test
    default void aPlainGetOnALinePathIsPlainHttpThatSaysHowToUpgrade() {
        RawHttp.Response response = RawHttp.get(baseUri(), baseUri().getPath() + "line/" + Rooms.fresh() + "?name=a");
        assertEquals(426, response.status());
        assertEquals("switchboard-line/1", response.header("Upgrade"));
        assertTrue(response.body().contains("Upgrade: switchboard-line/1"), response.body());
    }

    @Test
    default void aWebSocketUpgradeOnALinePathIsNotSwitched() {
        RawHttp.Response response = RawHttp.get(baseUri(), baseUri().getPath() + "line/" + Rooms.fresh() + "?name=a",
                Handshakes.validHeaders());
        assertNotEquals(101, response.status());
    }

    @Test
    default void aLineUpgradeOnAChatPathIsNotSwitched() {
        RawHttp.Response response = RawHttp.get(baseUri(), baseUri().getPath() + "chat/" + Rooms.fresh() + "?name=a",
                "Connection: Upgrade", "Upgrade: switchboard-line/1");
        assertNotEquals(101, response.status());
        assertEquals(426, response.status());
    }

    @Test
    default void aLineJoinWithABadNameIsRefused400() {
        assumeLineProtocol();
        try (LineClient line = LineClient.open(baseUri(), "line/" + Rooms.fresh() + "?name=no%20spaces", 65536,
                "Connection: Upgrade", "Upgrade: switchboard-line/1")) {
            assertTrue(line.statusLine.startsWith("HTTP/1.1 400"), line.statusLine);
        }
    }

    @Test
    default void plainHttpKeepsWorkingOnThePortWhileLineAndWebSocketConnectionsAreOpen() {
        assumeLineProtocol();
        String room = Rooms.fresh();
        try (LineClient line = LineClient.join(baseUri(), room, "liner");
             WsClient socket = WsClient.connect(ws("chat/" + room + "?name=socketeer"))) {
            socket.expect("welcome");
            for (int i = 0; i < 5; i++) {
                assertEquals(200, HttpApi.get(http("health")).statusCode());
                assertEquals(201, HttpApi.post(http("api/rooms/" + room + "/messages"),
                        HttpApi.object("from", "http", "text", "n" + i)).statusCode());
            }
            assertEquals("#5 http: n4", line.readLineStartingWith("#5 "));
            assertEquals(5, socket.nextOfType("message").path("seq").asLong() + 4);
        }
    }

    @Test
    default void aLineClientThatStopsReadingIsDisconnectedLikeASlowWebSocketMember() {
        assumeLineProtocol();
        String room = Rooms.fresh();
        String text = "é".repeat(4096);
        WsClient watcher = WsClient.connect(ws("chat/" + room + "?name=watcher"));
        watcher.expect("welcome");
        try (watcher; LineClient stalled = LineClient.open(baseUri(), "line/" + room + "?name=stalled", 4096,
                     "Connection: Upgrade", "Upgrade: switchboard-line/1")) {
            assertTrue(stalled.statusLine.startsWith("HTTP/1.1 101"), stalled.statusLine);
            assertEquals("stalled", watcher.expect("join").path("name").asText());
            boolean left = false;
            for (int i = 0; i < 3000 && !left; i++) {
                publish(room, "publisher", text);
                if (i % 50 == 0) {
                    stalled.send("still typing " + i); // it writes, it only does not read
                }
                JsonNode event = watcher.next();
                while (!event.path("type").asText().equals("message")
                        || !event.path("from").asText().equals("publisher")) {
                    left |= event.path("type").asText().equals("leave");
                    event = watcher.next();
                }
            }
            assertTrue(left, "the stalled line member must be disconnected");
        }
    }

    @Test
    default void whereTheRuntimeCannotCarryTheLineProtocolItIsRefused501SayingWhatToUse() {
        org.junit.jupiter.api.Assumptions.assumeFalse(carriesLineProtocol(), "this runtime carries the line protocol");
        try (LineClient line = LineClient.open(baseUri(), "line/" + Rooms.fresh() + "?name=ann", 65536,
                "Connection: Upgrade", "Upgrade: switchboard-line/1")) {
            assertTrue(line.statusLine.startsWith("HTTP/1.1 501"), line.statusLine);
            assertTrue(line.readLine().contains("WebSocket endpoint /chat/{room}"));
        }
    }
}
