package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly once from the sender's side: a message resent with the same {@code id} (a retry after a dropped
 * connection or a lost HTTP answer) is said once, and the sender gets the original as its acknowledgement.
 */
public interface ExactlyOnceContract extends ServerUnderTest {

    private HttpResponse<String> post(String room, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http("api/rooms/" + room + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HttpApi.send(request);
    }

    private JsonNode history(String room) {
        return HttpApi.json(HttpApi.get(http("api/rooms/" + room + "/messages?since=0")));
    }

    @Test
    default void aSayRepeatedWithItsIdIsSaidOnceAndTheSenderGetsTheOriginalAgain() {
        String room = Rooms.fresh();
        try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann"))) {
            ann.expect("welcome"); // before the next join: opens may run in either order (see ChatContract.joined)
            try (WsClient bob = WsClient.connect(ws("chat/" + room + "?name=bob"))) {
                bob.expect("welcome");
                ann.nextOfType("join");
                saidOnce(ann, bob);
            }
        }
    }

    private static void saidOnce(WsClient ann, WsClient bob) {
        ann.sendText("{\"type\":\"say\",\"text\":\"hello once\",\"id\":\"m-1\"}");
        JsonNode said = ann.nextOfType("message");
        assertEquals("m-1", said.path("id").asText(), "the message event carries the id");
        ann.sendText("{\"type\":\"say\",\"text\":\"hello once\",\"id\":\"m-1\"}");
        JsonNode acknowledged = ann.nextOfType("message");
        assertEquals(said, acknowledged, "the repeat is answered with the original event");

        ann.sendText("{\"type\":\"say\",\"text\":\"next\"}");
        assertEquals(said, bob.nextOfType("message"));
        JsonNode next = bob.nextOfType("message");
        assertEquals("next", next.path("text").asText(), "the others never see the repeat");
        assertEquals(said.path("seq").asLong() + 1, next.path("seq").asLong(), "a repeat takes no seq");
    }

    @Test
    default void aPostRepeatedWithItsIdempotencyKeyAnswers200WithTheOriginal() {
        String room = Rooms.fresh();
        HttpResponse<String> first = post(room, HttpApi.object("from", "bot", "text", "deploy done"), "deploy-42");
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> again = post(room, HttpApi.object("from", "bot", "text", "deploy done"), "deploy-42");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(HttpApi.json(first), HttpApi.json(again));
        assertEquals("deploy-42", HttpApi.json(first).path("id").asText());
        assertEquals(1, history(room).path("messages").size());
    }

    @Test
    default void anIdInThePostBodyWorksLikeTheHeader() {
        String room = Rooms.fresh();
        String body = HttpApi.object("from", "bot", "text", "once", "id", "b-1");
        assertEquals(201, post(room, body, null).statusCode());
        HttpResponse<String> again = post(room, body, null);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(1, history(room).path("lastSeq").asLong());
    }

    @Test
    default void theSameIdFromAnotherSenderIsAnotherMessage() {
        String room = Rooms.fresh();
        assertEquals(201, post(room, HttpApi.object("from", "ann", "text", "a", "id", "x"), null).statusCode());
        assertEquals(201, post(room, HttpApi.object("from", "bob", "text", "b", "id", "x"), null).statusCode());
        assertEquals(2, history(room).path("lastSeq").asLong());
    }

    @Test
    default void aMalformedIdIsRefusedWithAReason() {
        String room = Rooms.fresh();
        HttpResponse<String> bad = post(room, HttpApi.object("from", "ann", "text", "a", "id", "not an id!"), null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("id must match"), bad.body());
        HttpResponse<String> badKey = post(room, HttpApi.object("from", "ann", "text", "a"), "no spaces allowed");
        assertEquals(400, badKey.statusCode());
        try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann"))) {
            ann.expect("welcome");
            ann.sendText("{\"type\":\"say\",\"text\":\"a\",\"id\":\"not an id!\"}");
            JsonNode error = ann.nextOfType("error");
            assertEquals("invalid-id", error.path("code").asText());
        }
        assertEquals(0, history(room).path("lastSeq").asLong(), "nothing was said");
    }

    @Test
    default void theWelcomeCarriesTheRoomsEpochAndASinceFromAnotherEpochIsReset() {
        String room = Rooms.fresh();
        publish(room, "ann", "one");
        publish(room, "ann", "two");
        String epoch;
        try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann"))) {
            epoch = ann.expect("welcome").path("epoch").asText();
            assertTrue(epoch.matches("[A-Za-z0-9_-]{1,64}"), epoch);
        }
        try (WsClient same = WsClient.connect(ws("chat/" + room + "?name=ann&since=1&epoch=" + epoch))) {
            same.expect("welcome");
            JsonNode replayed = same.next();
            assertEquals("message", replayed.path("type").asText(), "same epoch: a plain replay, " + replayed);
            assertEquals(2, replayed.path("seq").asLong());
        }
        try (WsClient other = WsClient.connect(ws("chat/" + room + "?name=ann&since=1&epoch=gone"))) {
            other.expect("welcome");
            JsonNode reset = other.expect("reset");
            assertEquals(epoch, reset.path("epoch").asText());
            assertEquals(1, reset.path("from").asLong());
            assertEquals(1, other.expect("message").path("seq").asLong(), "the whole kept history follows");
            assertEquals(2, other.expect("message").path("seq").asLong());
        }
    }

    @Test
    default void aSinceBeyondTheRoomsLastSeqIsReset() {
        String room = Rooms.fresh();
        publish(room, "ann", "one");
        try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann&since=40"))) {
            ann.expect("welcome");
            assertEquals(1, ann.expect("reset").path("from").asLong());
            assertEquals(1, ann.expect("message").path("seq").asLong());
        }
    }
}
