package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits that protect the server. The test runs configure both runtimes alike (see the pom):
 * ping every 2 s, idle timeout 6 s, 16 connections per address; rate limits are the defaults (20/s, burst 40).
 */
public interface LimitsContract extends ServerUnderTest {

    int CONNECTIONS_PER_ADDRESS = 16;
    /** A member whose peer vanished leaves within idle.timeout; the rest is grace for a loaded machine. */
    Duration STALE_MEMBER_DEADLINE = dev.switchboard.config.Settings.load(
            dev.switchboard.config.SettingsSource.standard()).idleTimeout().plusSeconds(30);

    private String[] handshakeWithOrigin(String origin) {
        List<String> headers = new ArrayList<>(List.of(Handshakes.validHeaders()));
        headers.add("Origin: " + origin);
        return headers.toArray(String[]::new);
    }

    @Test
    default void aBrowserFromAnotherOriginIsRefused403() {
        RawHttp.Response response = RawHttp.get(baseUri(), baseUri().getPath() + "echo",
                handshakeWithOrigin("http://evil.example"));
        assertEquals(403, response.status());
        assertTrue(response.body().contains("evil.example"), response.body());
    }

    @Test
    default void aBrowserFromTheSameOriginIsAccepted() {
        String origin = "http://" + baseUri().getHost() + ":" + baseUri().getPort();
        RawHttp.Response response = RawHttp.get(baseUri(), baseUri().getPath() + "echo", handshakeWithOrigin(origin));
        assertEquals(101, response.status());
    }

    @Test
    default void aClientWithoutOriginIsAccepted() {
        assertEquals(101, RawHttp.get(baseUri(), baseUri().getPath() + "echo", Handshakes.validHeaders()).status());
    }

    /**
     * A client says the burst and as many again at once, then, whenever everything it said was answered, exactly as
     * many more as it takes to be closed if none is let through, until it is closed. It has no message in flight
     * past the one that gets it closed: Jetty closes the TCP connection right after an error close frame, and a
     * peer's unread message there turns that into a reset that can overtake the close frame (see
     * src/docs/conformance.md).
     */
    @Test
    default void messagesOverTheRateGetRateLimitedAndPersistentAbuseIsClosed1008() throws IOException {
        dev.switchboard.config.Settings limits = dev.switchboard.config.Settings.load(
                dev.switchboard.config.SettingsSource.standard());
        String room = Rooms.fresh();
        try (RawWebSocket flooder = RawWebSocket.open(baseUri(), "chat/" + room + "?name=flooder", 1 << 20)) {
            List<Boolean> refused = new ArrayList<>(); // by message, in the order said; null until answered
            for (int i = 0; i < limits.rateBurst() + limits.rateAbuseLimit(); i++) {
                sayNumbered(flooder, refused);
            }
            int answered = 0;
            RawWebSocket.Frame frame;
            while ((frame = flooder.readFrame()).opcode() != 0x8) {
                JsonNode event = WsClient.parse(frame.text());
                switch (event.path("type").asText()) {
                    case "message" -> refused.set(Integer.parseInt(event.path("text").asText().substring(6)), false);
                    case "error" -> {
                        assertEquals("rate-limited", event.path("code").asText(), event::toString);
                        refused.set(Integer.parseInt(event.path("id").asText()), true);
                    }
                    default -> {
                        continue;
                    }
                }
                if (++answered == refused.size()) {
                    assertTrue(answered < 20 * (limits.rateBurst() + limits.rateAbuseLimit()),
                            "still not closed after " + answered + " messages");
                    int refusedInARow = 0;
                    while (refusedInARow < refused.size() && refused.get(refused.size() - 1 - refusedInARow)) {
                        refusedInARow++;
                    }
                    for (int i = refusedInARow; i < limits.rateAbuseLimit(); i++) {
                        sayNumbered(flooder, refused);
                    }
                }
            }
            assertEquals(1008, frame.closeCode());
            assertEquals("rate limit exceeded", frame.closeReason());
            long accepted = refused.stream().filter(Boolean.FALSE::equals).count();
            assertTrue(accepted >= limits.rateBurst(), "the burst is accepted, got " + accepted);
            assertTrue(refused.stream().filter(Boolean.TRUE::equals).count() >= limits.rateAbuseLimit() - 1,
                    "messages beyond the rate get errors first: " + refused);
        }
    }

    /** Says {@code flood N} with the id {@code N}, N being the message's index. */
    private static void sayNumbered(RawWebSocket client, List<Boolean> refused) {
        int n = refused.size();
        refused.add(null);
        client.sendText("{\"type\":\"say\",\"id\":\"" + n + "\",\"text\":\"flood " + n + "\"}");
    }

    @Test
    default void aConnectionThatAnswersNothingIsClosedAndItsMemberLeaves() {
        String room = Rooms.fresh();
        WsClient watcher = WsClient.connect(ws("chat/" + room + "?name=watcher"));
        watcher.expect("welcome");
        try (watcher; RawWebSocket silent = RawWebSocket.open(baseUri(), "chat/" + room + "?name=silent", 65536)) {
            assertEquals("silent", watcher.expect("join").path("name").asText());
            JsonNode left = watcher.nextOfType("leave", Duration.ofSeconds(20));
            assertEquals("silent", left.path("name").asText());
            RawWebSocket.Frame close = silent.readUntilClose();
            assertEquals(1001, close.closeCode());
            assertEquals("idle timeout", close.closeReason());
        }
    }

    @Test
    default void aMemberWhoseConnectionIsDroppedWithoutACloseLeavesAndIsNoLongerListed() {
        String room = Rooms.fresh();
        try (WsClient watcher = WsClient.connect(ws("chat/" + room + "?name=watcher"))) {
            watcher.expect("welcome");
            RawWebSocket dropped = RawWebSocket.open(baseUri(), "chat/" + room + "?name=dropped", 65536);
            assertEquals("dropped", watcher.expect("join").path("name").asText());
            dropped.drop();
            // Within idle.timeout at the latest (a vanished peer), plus a generous grace for a loaded machine.
            assertEquals("dropped", watcher.nextOfType("leave", STALE_MEMBER_DEADLINE).path("name").asText());
            assertEquals("[{\"name\":\"watcher\",\"connections\":1}]",
                    HttpApi.json(HttpApi.get(http("api/rooms/" + room + "/members"))).path("members").toString());
        }
    }

    @Test
    default void aLineClientWhoseConnectionIsDroppedLeavesTheRoom() {
        assumeLineProtocol();
        String room = Rooms.fresh();
        try (WsClient watcher = WsClient.connect(ws("chat/" + room + "?name=watcher"))) {
            watcher.expect("welcome");
            LineClient dropped = LineClient.join(baseUri(), room, "liner");
            assertEquals("liner", watcher.expect("join").path("name").asText());
            dropped.drop();
            assertEquals("liner", watcher.nextOfType("leave", STALE_MEMBER_DEADLINE).path("name").asText());
        }
    }

    /**
     * Over the limit, the handshake is refused with 503 when the server already counts the open connections;
     * a handshake that races an open still in progress is closed with 1013 right after it. Each connection here
     * proves it is open with an echo before the next is tried, so the count is settled and 503 is what comes.
     * <p>
     * They come from a loopback address no other test uses: a test that only reads a {@code 101} and hangs up
     * leaves a connection that GlassFish may register after its {@code 101} has gone out, and so after the wait
     * for no connections below, and it would count against 127.0.0.1.
     */
    @Test
    default void connectionsOverThePerAddressLimitAreRefused503() throws IOException {
        awaitNoConnections();
        InetAddress from = InetAddress.getByName("127.0.0.5");
        List<RawWebSocket> open = new ArrayList<>();
        String refusal = null;
        try {
            while (refusal == null && open.size() <= CONNECTIONS_PER_ADDRESS) {
                try {
                    RawWebSocket connection = RawWebSocket.openFrom(from, baseUri(), "echo", 65536);
                    open.add(connection);
                    connection.sendText("are you there");
                    RawWebSocket.Frame answer = connection.readFrame();
                    if (answer.opcode() == 0x8) {
                        refusal = "close " + answer.closeCode() + " " + answer.closeReason();
                    }
                } catch (RawWebSocket.Refused e) {
                    refusal = e.getMessage();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        } finally {
            open.forEach(RawWebSocket::close);
        }
        assertTrue(refusal != null, "no refusal after " + open.size() + " open connections");
        assertTrue(refusal.startsWith("HTTP/1.1 503"), refusal);
        assertTrue(refusal.contains("Retry-After: 5"), refusal);
        assertEquals(CONNECTIONS_PER_ADDRESS, open.size(), "exactly the limit is accepted");
        awaitNoConnections();
    }

    @Test
    default void lineConnectionsCountInThePerAddressLimitWithWebSockets() throws IOException {
        assumeLineProtocol();
        awaitNoConnections();
        InetAddress from = InetAddress.getByName("127.0.0.6");
        List<LineClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS_PER_ADDRESS; i++) {
                LineClient line = LineClient.openFrom(from, baseUri(), "line/" + Rooms.fresh() + "?name=l" + i, 65536,
                        "Connection: Upgrade", "Upgrade: switchboard-line/1");
                open.add(line);
                assertTrue(line.statusLine.startsWith("HTTP/1.1 101"), i + ": " + line.statusLine);
            }
            LineClient refused = LineClient.openFrom(from, baseUri(), "line/" + Rooms.fresh() + "?name=over", 65536,
                    "Connection: Upgrade", "Upgrade: switchboard-line/1");
            open.add(refused);
            assertTrue(refused.statusLine.startsWith("HTTP/1.1 503"), refused.statusLine);
            assertEquals("5", refused.headers.get("retry-after"));
            RawWebSocket.Refused webSocket = org.junit.jupiter.api.Assertions.assertThrows(RawWebSocket.Refused.class,
                    () -> RawWebSocket.openFrom(from, baseUri(), "echo", 65536),
                    "a WebSocket from the same address finds the limit taken by line connections");
            assertEquals(503, webSocket.status());
        } finally {
            open.forEach(LineClient::close);
        }
        awaitNoConnections();
    }

    /**
     * After the connections close, capacity comes back: the server counts none open (closes are asynchronous). A
     * connection an earlier test left behind is released within idle.timeout at the latest, so that, with the same
     * grace as a stale member, is the deadline.
     */
    private void awaitNoConnections() {
        long deadline = System.nanoTime() + STALE_MEMBER_DEADLINE.toNanos();
        long open = -1;
        while (System.nanoTime() < deadline && open != 0) {
            open = HttpApi.json(HttpApi.get(http("health"))).path("connections").asLong(-1);
            if (open != 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            }
        }
        assertEquals(0, open, "every refused or closed connection must be released");
        try (WsClient probe = WsClient.connect(ws("echo"))) {
            probe.sendText("capacity is back");
            assertEquals("capacity is back", probe.nextText());
        }
    }
}
