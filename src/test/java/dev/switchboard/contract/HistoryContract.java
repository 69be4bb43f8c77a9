package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History over HTTP and recovery over WebSocket: nothing is lost across a reconnect. */
public interface HistoryContract extends ServerUnderTest {

    private JsonNode history(String room, String query) {
        HttpResponse<String> response = HttpApi.get(http("api/rooms/" + room + "/messages" + query));
        assertEquals(200, response.statusCode(), response.body());
        return HttpApi.json(response);
    }

    private static List<Long> seqs(JsonNode messages) {
        List<Long> seqs = new ArrayList<>();
        messages.forEach(message -> seqs.add(message.path("seq").asLong()));
        return seqs;
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    @Test
    default void historyReturnsTheMessagesAfterSinceOldestFirst() {
        String room = Rooms.fresh();
        for (int i = 1; i <= 5; i++) {
            publish(room, "ann", "m" + i);
        }
        JsonNode page = history(room, "?since=2");
        assertEquals(room, page.path("room").asText());
        assertEquals(5, page.path("lastSeq").asLong());
        assertEquals(List.of(3L, 4L, 5L), seqs(page.path("messages")));
        JsonNode third = page.path("messages").get(0);
        assertEquals("message", third.path("type").asText());
        assertEquals("m3", third.path("text").asText());
        assertEquals("ann", third.path("from").asText());
    }

    @Test
    default void historyReturnsAtMostLimitMessages() {
        String room = Rooms.fresh();
        for (int i = 1; i <= 5; i++) {
            publish(room, "ann", "m" + i);
        }
        assertEquals(List.of(1L, 2L), seqs(history(room, "?since=0&limit=2").path("messages")));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs(history(room, "").path("messages")), "since defaults to 0");
    }

    @Test
    default void historyPagesDefaultTo100() {
        String room = Rooms.fresh();
        publishMany(room, 150);
        JsonNode page = history(room, "?since=0");
        assertEquals(range(1, 100), seqs(page.path("messages")));
        assertEquals(150, page.path("lastSeq").asLong());
    }

    @Test
    default void aRoomKeepsItsLast1000MessagesAndALimitAbove1000IsRefused() {
        String room = Rooms.fresh();
        publishMany(room, 1005);
        JsonNode page = history(room, "?since=0&limit=1000");
        assertEquals(range(6, 1005), seqs(page.path("messages")));
        HttpResponse<String> tooMany = HttpApi.get(http("api/rooms/" + room + "/messages?limit=1001"));
        assertEquals(400, tooMany.statusCode());
        assertTrue(HttpApi.json(tooMany).path("error").asText().contains("limit"), tooMany.body());
    }

    @Test
    default void historyOfARoomNobodyUsedIsEmpty() {
        JsonNode page = history(Rooms.fresh(), "?since=0");
        assertEquals(0, page.path("messages").size());
        assertEquals(0, page.path("lastSeq").asLong());
    }

    @Test
    default void aBadSinceOrLimitIsAnswered400() {
        String room = Rooms.fresh();
        for (String query : List.of("?since=-1", "?since=abc", "?limit=0", "?limit=many")) {
            HttpResponse<String> response = HttpApi.get(http("api/rooms/" + room + "/messages" + query));
            assertEquals(400, response.statusCode(), query);
            assertTrue(HttpApi.json(response).has("error"), query);
        }
    }

    @Test
    default void joiningWithSinceReplaysTheMissedMessagesThenTheLiveStream() {
        String room = Rooms.fresh();
        for (int i = 1; i <= 4; i++) {
            publish(room, "ann", "m" + i);
        }
        try (WsClient bob = WsClient.connect(ws("chat/" + room + "?name=bob&since=1"))) {
            assertEquals(4, bob.expect("welcome").path("seq").asLong());
            for (long seq = 2; seq <= 4; seq++) {
                assertEquals(seq, bob.expect("message").path("seq").asLong());
            }
            publish(room, "ann", "live");
            JsonNode live = bob.expect("message");
            assertEquals(5, live.path("seq").asLong());
            assertEquals("live", live.path("text").asText());
        }
    }

    @Test
    default void joiningWithSinceOlderThanHistoryFirstGetsAReset() {
        String room = Rooms.fresh();
        publishMany(room, 1003);
        try (WsClient bob = WsClient.connect(ws("chat/" + room + "?name=bob&since=0"))) {
            bob.expect("welcome");
            JsonNode reset = bob.expect("reset");
            assertEquals(4, reset.path("from").asLong(), "the oldest seq still kept");
            List<Long> replayed = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                replayed.add(bob.expect("message").path("seq").asLong());
            }
            assertEquals(range(4, 1003), replayed);
        }
    }

    @Test
    default void aJoinWithABadSinceIsRefusedWith400() {
        RawHttp.Response response = RawHttp.get(baseUri(),
                baseUri().getPath() + "chat/" + Rooms.fresh() + "?name=ann&since=yesterday", Handshakes.validHeaders());
        assertEquals(400, response.status());
        assertTrue(response.body().contains("since"), response.body());
    }

    /**
     * The hard way: a member's socket dies (no close frame) while three publishers keep talking; it rejoins with
     * the last seq it saw, while they still talk, and ends with exactly the room's sequence.
     */
    @RepeatedTest(3)
    default void aMemberThatDropsAndRejoinsWithSinceSeesEverySeqExactlyOnce() {
        String room = Rooms.fresh();
        int publishers = 3;
        int perPublisher = 150;
        long total = (long) publishers * perPublisher;
        WsClient victim = WsClient.connect(ws("chat/" + room + "?name=victim"));
        victim.expect("welcome");
        CompletableFuture<?>[] talking = new CompletableFuture<?>[publishers];
        for (int p = 0; p < publishers; p++) {
            String from = "pub" + p;
            talking[p] = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    publish(room, from, "n" + i);
                }
            });
        }
        List<Long> seen = new ArrayList<>();
        while (seen.size() < total / 4) {
            seen.add(victim.nextOfType("message").path("seq").asLong());
        }
        victim.kill();
        long last = seen.get(seen.size() - 1);
        try (WsClient back = WsClient.connect(ws("chat/" + room + "?name=victim&since=" + last))) {
            back.expect("welcome");
            long seq = last;
            while (seq < total) {
                seq = back.nextOfType("message").path("seq").asLong();
                seen.add(seq);
            }
            CompletableFuture.allOf(talking).join();
        }
        assertEquals(range(1, total), seen, "every seq once, in order, across the drop");
    }
}
