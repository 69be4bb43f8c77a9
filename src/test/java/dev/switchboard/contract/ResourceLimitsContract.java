package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits that need small settings, so a server of their own: {@link #SETTINGS} (the launcher's flags, the
 * WAR's context parameters). Its store must start empty. Implementations run the methods in {@link Order}: the
 * flood past {@code max.rooms} comes last, as no test can make a new room after it.
 */
public interface ResourceLimitsContract extends ServerUnderTest {

    int MAX_ROOMS = 6;
    String TRUSTED_PROXY = "127.0.0.7";
    String UNTRUSTED_PEER = "127.0.0.8";
    int PUBLISH_BURST = 3;
    Duration ROOM_IDLE_TIMEOUT = Duration.ofSeconds(1);
    int HISTORY_MEMORY_MAX_BYTES = 65_536;
    /** How long the server gets to do what a setting promises; generous, for a loaded machine. */
    Duration GRACE = Duration.ofSeconds(30);

    Map<String, String> SETTINGS = Map.of(
            "max.rooms", String.valueOf(MAX_ROOMS),
            "room.idle.timeout", ROOM_IDLE_TIMEOUT.toMillis() + "ms",
            "publish.rate.per.second", "1",
            "publish.rate.burst", String.valueOf(PUBLISH_BURST),
            "trusted.proxies", TRUSTED_PROXY + ",10.0.0.0/8",
            "history.memory.max.bytes", String.valueOf(HISTORY_MEMORY_MAX_BYTES));

    @Test
    @Order(1)
    default void aRoomNobodyIsInLeavesMemoryAndKeepsItsHistory() {
        String room = "idle-history";
        try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann"))) {
            ann.expect("welcome");
            ann.say("before the room went quiet");
            ann.nextOfType("message");
        }
        Conditions.await("the room leaves memory", GRACE, () -> health().path("rooms").path("open").asInt() == 0);
        assertEquals(0, health().path("rooms").path("historyBytes").asLong(), "no history held in memory");

        JsonNode history = HttpApi.json(HttpApi.get(http("api/rooms/" + room + "/messages")));
        assertEquals("before the room went quiet", history.path("messages").get(0).path("text").asText());
        try (WsClient bob = WsClient.connect(ws("chat/" + room + "?name=bob&since=0"))) {
            assertEquals(1, bob.expect("welcome").path("seq").asLong(), "the welcome names the last seq");
            assertEquals("before the room went quiet", bob.nextOfType("message").path("text").asText());
        }
    }

    @Test
    @Order(1)
    default void theHistoriesInMemoryStayWithinTheirBoundAndKeepTheNewestMessages() {
        String room = "heavy-history";
        String text = "h".repeat(3000);
        int messages = 40; // some 240 KB of history by the server's estimate, over the 64 KiB bound
        try (WsClient writer = WsClient.connect(ws("chat/" + room + "?name=writer"))) {
            writer.expect("welcome");
            long lastSeq = 0;
            for (int i = 0; i < messages; i++) {
                writer.sendText("{\"type\":\"say\",\"text\":\"" + text + i + "\"}");
                lastSeq = writer.nextOfType("message").path("seq").asLong();
            }
            Conditions.await("the histories shrink to their bound", GRACE,
                    () -> health().path("rooms").path("historyBytes").asLong() <= HISTORY_MEMORY_MAX_BYTES);
            JsonNode kept = HttpApi.json(HttpApi.get(http("api/rooms/" + room + "/messages?since=0&limit=1000")));
            JsonNode newest = kept.path("messages").get(kept.path("messages").size() - 1);
            assertEquals(lastSeq, newest.path("seq").asLong(), "the newest message is kept");
            assertTrue(kept.path("messages").size() < messages, "older messages left memory: " + kept.path("messages").size());
            writer.say("the room still works");
            assertEquals("the room still works", writer.nextOfType("message").path("text").asText());
        }
    }

    @Test
    @Order(2)
    default void httpPublishesPastTheRateAreRefused429WithRetryAfter() {
        String room = "rated";
        String client = "203.0.113.10";
        for (int i = 0; i < PUBLISH_BURST; i++) {
            assertEquals(201, publishVia(TRUSTED_PROXY, room, "X-Forwarded-For: " + client).status());
        }
        RawHttp.Response refused = publishVia(TRUSTED_PROXY, room, "X-Forwarded-For: " + client);
        assertEquals(429, refused.status(), refused.body());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, "Retry-After: " + refused.header("Retry-After"));
        assertTrue(refused.body().contains("rate limited"), refused.body());

        assertEquals(201, publishVia(TRUSTED_PROXY, room, "X-Forwarded-For: 203.0.113.11").status(),
                "another client behind the same proxy has a budget of its own");
    }

    @Test
    @Order(3)
    default void aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() {
        String room = "rated";
        for (int i = 0; i < PUBLISH_BURST; i++) {
            assertEquals(201, publishVia(UNTRUSTED_PEER, room, "X-Forwarded-For: 198.51.100." + i).status());
        }
        RawHttp.Response refused = publishVia(UNTRUSTED_PEER, room, "X-Forwarded-For: 198.51.100.99");
        assertEquals(429, refused.status(), "every request counted against the peer itself: " + refused.body());
    }

    @Test
    @Order(4)
    default void theRightMostUntrustedHopIsTheClient() {
        String room = "rated";
        // A client that sends its own X-Forwarded-For through the proxy cannot pick its address: the proxy appends
        // the real one, and only that counts.
        for (int i = 0; i < PUBLISH_BURST; i++) {
            assertEquals(201, publishVia(TRUSTED_PROXY, room,
                    "X-Forwarded-For: 192.0.2." + i + ", 203.0.113.20, 10.1.2.3").status());
        }
        assertEquals(429, publishVia(TRUSTED_PROXY, room, "X-Forwarded-For: 192.0.2.99, 203.0.113.20").status());
    }

    @Test
    @Order(5)
    default void aTrustedProxyThatTerminatesTlsPassesTheSameOriginCheck() {
        String host = baseUri().getHost() + ":" + baseUri().getPort();
        String origin = "Origin: https://" + host;
        String[] handshake = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", origin, "X-Forwarded-Proto: https",
                "X-Forwarded-For: 203.0.113.30"};
        assertEquals(101, RawHttp.send(address(TRUSTED_PROXY), baseUri(), "GET", baseUri().getPath() + "echo", null,
                handshake).status());
        RawHttp.Response spoofed = RawHttp.send(address(UNTRUSTED_PEER), baseUri(), "GET",
                baseUri().getPath() + "echo", null, handshake);
        assertEquals(403, spoofed.status(), "an untrusted peer's X-Forwarded-Proto is ignored: " + spoofed.body());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    default void newRoomsPastMaxRoomsAreRefusedAndExistingRoomsCarryOn() throws IOException {
        List<WsClient> members = new ArrayList<>();
        WsClient.Closed refused = null;
        try {
            for (int i = 0; i <= MAX_ROOMS && refused == null; i++) {
                WsClient member = WsClient.connect(ws("chat/flood-" + i + "?name=flooder"));
                members.add(member);
                refused = member.welcomeOrClose();
            }
            assertNotNull(refused, "a join of room " + (MAX_ROOMS + 1) + " was accepted");
            assertEquals(1013, refused.code());
            assertEquals("too many rooms", refused.reason());

            var post = HttpApi.post(http("api/rooms/flood-post/messages"), HttpApi.object("from", "bot", "text", "hi"));
            assertEquals(503, post.statusCode(), post.body());
            assertTrue(post.body().contains("too many rooms"), post.body());
            RawHttp.Response line = RawHttp.get(baseUri(), baseUri().getPath() + "line/flood-line?name=liner",
                    "Connection: Upgrade", "Upgrade: switchboard-line/1");
            assertEquals(503, line.status(), line.body());

            try (WsClient again = WsClient.connect(ws("chat/flood-0?name=latecomer"))) {
                assertEquals("welcome", again.next().path("type").asText(), "an existing room still takes members");
            }
            assertEquals(201, HttpApi.post(http("api/rooms/flood-0/messages"),
                    HttpApi.object("from", "bot", "text", "still here")).statusCode());
        } finally {
            members.forEach(WsClient::close);
        }
    }

    private RawHttp.Response publishVia(String peer, String room, String... headerLines) {
        return RawHttp.send(address(peer), baseUri(), "POST", baseUri().getPath() + "api/rooms/" + room + "/messages",
                HttpApi.object("from", "bot", "text", "rated"), headerLines);
    }

    private JsonNode health() {
        return HttpApi.json(HttpApi.get(http("health")));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
