package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat protocol over WebSocket: rooms, members, ordered messages, and refusals that lose nothing. */
public interface ChatContract extends ServerUnderTest {

    default WsClient join(String room, String name) {
        return WsClient.connect(ws("chat/" + room + "?name=" + name));
    }

    /**
     * Connects and waits for the welcome. An application server may run the endpoint's open after the 101 is on
     * the wire, so two quick connections can join in either order; tests that care about order wait in between.
     */
    default WsClient joined(String room, String name) {
        WsClient member = join(room, name);
        member.expect("welcome");
        return member;
    }

    @Test
    default void aNewMemberIsWelcomedWithTheMembersAndTheLastSeq() {
        String room = Rooms.fresh();
        HttpApi.post(http("api/rooms/" + room + "/messages"), "{\"from\":\"bot\",\"text\":\"earlier\"}");
        try (WsClient ann = join(room, "ann")) {
            JsonNode welcome = ann.expect("welcome");
            assertEquals(room, welcome.path("room").asText());
            assertEquals("ann", welcome.path("you").asText());
            assertEquals("[\"ann\"]", welcome.path("members").toString());
            assertEquals(1, welcome.path("seq").asLong());
        }
    }

    @Test
    default void othersAreToldWhenSomeoneJoinsAndLeaves() {
        String room = Rooms.fresh();
        try (WsClient ann = join(room, "ann")) {
            ann.expect("welcome");
            WsClient bob = join(room, "bob");
            JsonNode welcome = bob.expect("welcome");
            assertEquals("[\"ann\",\"bob\"]", welcome.path("members").toString());
            JsonNode joined = ann.expect("join");
            assertEquals("bob", joined.path("name").asText());
            assertEquals(2, joined.path("members").asInt());
            bob.close();
            JsonNode left = ann.expect("leave");
            assertEquals(room, left.path("room").asText());
            assertEquals("bob", left.path("name").asText());
            assertEquals(1, left.path("members").asInt());
        }
    }

    @Test
    default void everyMemberSenderIncludedGetsTheMessageWithTheNextSeq() {
        String room = Rooms.fresh();
        try (WsClient ann = joined(room, "ann"); WsClient bob = joined(room, "bob")) {
            ann.expect("join");
            ann.say("hello bob");
            for (WsClient member : List.of(ann, bob)) {
                JsonNode message = member.expect("message");
                assertEquals(room, message.path("room").asText());
                assertEquals(1, message.path("seq").asLong());
                assertEquals("ann", message.path("from").asText());
                assertEquals("hello bob", message.path("text").asText());
                assertTrue(message.path("ts").asText().endsWith("Z"), message::toString);
            }
            bob.say("hi ann");
            assertEquals(2, ann.expect("message").path("seq").asLong());
            assertEquals(2, bob.expect("message").path("seq").asLong());
        }
    }

    @Test
    default void membersSeeConcurrentSendersInOneOrderWithConsecutiveSeq() {
        String room = Rooms.fresh();
        int perSender = 30; // under the default burst of 40 per connection
        List<WsClient> members = new ArrayList<>();
        try {
            for (String name : List.of("m1", "m2", "m3")) {
                WsClient member = join(room, name);
                member.expect("welcome");
                members.add(member);
            }
            CompletableFuture<?>[] senders = members.stream().map(member -> CompletableFuture.runAsync(() ->
                    IntStream.range(0, perSender).forEach(i -> member.say("n" + i)))).toArray(CompletableFuture[]::new);
            URI messages = http("api/rooms/" + room + "/messages");
            CompletableFuture<?> viaHttp = CompletableFuture.runAsync(() -> IntStream.range(0, perSender).forEach(i ->
                    HttpApi.post(messages, "{\"from\":\"http\",\"text\":\"h" + i + "\"}")));
            CompletableFuture.allOf(senders).join();
            viaHttp.join();
            int total = perSender * (members.size() + 1);
            List<String> first = null;
            for (WsClient member : members) {
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    JsonNode message = member.nextOfType("message");
                    assertEquals(i + 1, message.path("seq").asLong(), "seq must grow by exactly one");
                    seen.add(message.path("from").asText() + ":" + message.path("text").asText());
                }
                if (first == null) {
                    first = seen;
                } else {
                    assertEquals(first, seen, "all members must see the same messages in the same order");
                }
            }
        } finally {
            members.forEach(WsClient::close);
        }
    }

    /**
     * Forty members: more than a fan-out flushes on the publishing thread (the rest go to the flusher's lanes), and
     * a burst large enough that members get several events per write. They connect from three loopback addresses to
     * stay within the per-address limit of the test settings.
     */
    @Test
    default void aBurstReachesEveryMemberOfALargeRoomCompleteAndInSeqOrder() throws IOException {
        String room = Rooms.fresh();
        int burst = 120;
        List<RawWebSocket> members = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                InetAddress from = InetAddress.getByName("127.0.0." + (2 + i / 14));
                RawWebSocket member = RawWebSocket.openFrom(from, baseUri(), "chat/" + room + "?name=m" + i, 1 << 20);
                members.add(member);
                assertEquals("welcome", WsClient.parse(member.readFrame().text()).path("type").asText());
            }
            publishMany(room, burst);
            for (RawWebSocket member : members) {
                long expected = 1;
                while (expected <= burst) {
                    RawWebSocket.Frame frame = member.readFrame();
                    assertEquals(0x1, frame.opcode(), "only text frames before the burst has arrived");
                    JsonNode event = WsClient.parse(frame.text());
                    if (event.path("type").asText().equals("message")) {
                        assertEquals(expected++, event.path("seq").asLong(), "every seq once, in order");
                    }
                }
            }
        } finally {
            members.forEach(RawWebSocket::close);
        }
    }

    @Test
    default void anHttpPublishReachesWebSocketMembersInSeqOrder() {
        String room = Rooms.fresh();
        try (WsClient ann = join(room, "ann")) {
            ann.expect("welcome");
            ann.say("first");
            HttpApi.post(http("api/rooms/" + room + "/messages"), "{\"from\":\"api\",\"text\":\"second\"}");
            ann.say("third");
            for (int seq = 1; seq <= 3; seq++) {
                JsonNode message = ann.expect("message");
                assertEquals(seq, message.path("seq").asLong());
            }
        }
    }

    @Test
    default void malformedJsonGetsAnErrorOnlyTheSenderSeesAndTheConnectionStaysOpen() {
        assertRefusedQuietly("{\"type\":\"say\",", "invalid-json");
    }

    @Test
    default void anUnknownTypeGetsAnError() {
        assertRefusedQuietly("{\"type\":\"shout\",\"text\":\"hi\"}", "unknown-type");
    }

    @Test
    default void missingOrEmptyTextGetsAnError() {
        assertRefusedQuietly("{\"type\":\"say\"}", "empty-text");
        assertRefusedQuietly("{\"type\":\"say\",\"text\":\"\"}", "empty-text");
    }

    @Test
    default void textOver4096CharactersGetsAnError() {
        assertRefusedQuietly("{\"type\":\"say\",\"text\":\"" + "y".repeat(4097) + "\"}", "text-too-long");
    }

    /** The sender gets exactly one error with the code; the other member sees nothing; both carry on. */
    private void assertRefusedQuietly(String frame, String code) {
        String room = Rooms.fresh();
        try (WsClient sender = joined(room, "sender"); WsClient other = joined(room, "other")) {
            sender.expect("join");
            sender.sendText(frame);
            JsonNode error = sender.expect("error");
            assertEquals(code, error.path("code").asText(), error::toString);
            assertTrue(!error.path("message").asText().isBlank(), "the error must say why");
            sender.say("still here");
            JsonNode delivered = other.next();
            assertEquals("message", delivered.path("type").asText(), "the other member saw " + delivered);
            assertEquals("still here", delivered.path("text").asText());
            assertEquals(1, delivered.path("seq").asLong(), "a refused message must not take a seq");
            assertEquals("still here", sender.expect("message").path("text").asText());
        }
    }

    @Test
    default void aMessageOver64KiBClosesTheConnectionWith1009() {
        String room = Rooms.fresh();
        try (WsClient big = joined(room, "big"); WsClient other = joined(room, "other")) {
            big.sendText("{\"type\":\"say\",\"text\":\"" + "z".repeat(65 * 1024) + "\"}");
            assertEquals(1009, big.awaitClose().code());
            assertEquals("big", other.nextOfType("leave").path("name").asText());
            other.say("the room carries on");
            assertEquals("the room carries on", other.expect("message").path("text").asText());
        }
    }

    @Test
    default void aSingleFrameOverTheLimitIsClosedWith1009AndSaysNothing() throws IOException {
        String room = Rooms.fresh();
        try (WsClient other = joined(room, "other");
             RawWebSocket big = RawWebSocket.open(baseUri(), "chat/" + room + "?name=big", 1 << 20)) {
            big.readFrame(); // welcome
            other.nextOfType("join");
            big.sendText("{\"type\":\"say\",\"text\":\"" + "z".repeat(70 * 1024) + "\"}");
            RawWebSocket.Frame close = big.readUntilClose();
            assertEquals(1009, close.closeCode(), "one frame of 70 KiB is a message over 64 KiB: " + close);
            big.close(); // as a client does once it has the server's close
            assertEquals("big", other.nextOfType("leave").path("name").asText());
            other.say("the room carries on");
            JsonNode carriedOn = other.expect("message");
            assertEquals(1, carriedOn.path("seq").asLong(), "the oversized message took no seq");
        }
    }

    @Test
    default void anInvalidRoomInTheUrlIsRefusedWith400() {
        RawHttp.Response response = RawHttp.get(baseUri(), baseUri().getPath() + "chat/UPPER?name=ann",
                Handshakes.validHeaders());
        assertEquals(400, response.status());
        assertTrue(response.body().contains("room"), response.body());
    }

    @Test
    default void aMissingOrInvalidNameIsRefusedWith400() {
        String room = Rooms.fresh();
        RawHttp.Response missing = RawHttp.get(baseUri(), baseUri().getPath() + "chat/" + room,
                Handshakes.validHeaders());
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("name"), missing.body());
        RawHttp.Response invalid = RawHttp.get(baseUri(), baseUri().getPath() + "chat/" + room + "?name=a%20b",
                Handshakes.validHeaders());
        assertEquals(400, invalid.status());
    }

    @Test
    default void aRefusedJoinIsNeverAnnounced() {
        String room = Rooms.fresh();
        try (WsClient ann = join(room, "ann")) {
            ann.expect("welcome");
            RawHttp.get(baseUri(), baseUri().getPath() + "chat/" + room + "?name=bad!name", Handshakes.validHeaders());
            try (WsClient bob = join(room, "bob")) {
                bob.expect("welcome");
                JsonNode next = ann.next();
                assertEquals("join", next.path("type").asText(), next::toString);
                assertEquals("bob", next.path("name").asText(), "only the valid join is announced");
                assertEquals(2, next.path("members").asInt());
            }
        }
    }
}
