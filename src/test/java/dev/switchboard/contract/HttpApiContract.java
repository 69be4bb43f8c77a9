package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP side of the port: health, the rooms API and the web page. */
public interface HttpApiContract extends ServerUnderTest {

    @Test
    default void healthAnswersUp() {
        HttpResponse<String> response = HttpApi.get(http("health"));
        assertEquals(200, response.statusCode());
        assertEquals("UP", HttpApi.json(response).path("status").asText());
        assertTrue(HttpApi.json(response).path("connections").isIntegralNumber(), response.body());
    }

    @Test
    default void publishingAMessageAnswers201WithTheMessageEvent() {
        String room = Rooms.fresh();
        HttpResponse<String> response = HttpApi.post(http("api/rooms/" + room + "/messages"),
                "{\"from\":\"api-bot\",\"text\":\"hello over HTTP\"}");
        assertEquals(201, response.statusCode(), response.body());
        JsonNode message = HttpApi.json(response);
        assertEquals("message", message.path("type").asText());
        assertEquals(room, message.path("room").asText());
        assertEquals(1, message.path("seq").asLong());
        assertEquals("api-bot", message.path("from").asText());
        assertEquals("hello over HTTP", message.path("text").asText());
        assertTrue(message.path("ts").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                () -> "ts is not ISO-8601 UTC: " + message);
    }

    @Test
    default void aPostOfferingAnUpgradeWeDoNotSpeakIsServedAsPlainHttp() {
        String body = "{\"from\":\"hopeful-client\",\"text\":\"upgrade ignored\"}";
        RawHttp.Response response = RawHttp.exchange(baseUri(),
                "POST " + baseUri().getPath() + "api/rooms/" + Rooms.fresh() + "/messages HTTP/1.1\r\n"
                        + "Host: " + baseUri().getHost() + ":" + baseUri().getPort() + "\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Upgrade: example-protocol/1\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertEquals(201, response.status(), response.body());
        assertEquals("upgrade ignored", WsClient.parse(response.body()).path("text").asText());
    }

    @Test
    default void roomListShowsEachRoomWithMembersAndLastSeq() {
        String room = Rooms.fresh();
        HttpApi.post(http("api/rooms/" + room + "/messages"), "{\"from\":\"a\",\"text\":\"one\"}");
        HttpApi.post(http("api/rooms/" + room + "/messages"), "{\"from\":\"a\",\"text\":\"two\"}");
        try (WsClient member = WsClient.connect(ws("chat/" + room + "?name=reader"))) {
            member.expect("welcome");
            HttpResponse<String> response = HttpApi.get(http("api/rooms"));
            assertEquals(200, response.statusCode());
            JsonNode rooms = HttpApi.json(response);
            assertTrue(rooms.isArray(), "rooms must be a JSON array");
            JsonNode entry = find(rooms, room);
            assertEquals(1, entry.path("members").asInt(), entry::toString);
            assertEquals(2, entry.path("lastSeq").asLong(), entry::toString);
        }
    }

    @Test
    default void publishingBrokenJsonAnswers400WithAnError() {
        HttpResponse<String> response = HttpApi.post(http("api/rooms/" + Rooms.fresh() + "/messages"), "{\"from\":");
        assertEquals(400, response.statusCode());
        assertTrue(HttpApi.json(response).path("error").asText().contains("JSON"), response.body());
    }

    @Test
    default void publishingWithoutAValidSenderAnswers400() {
        HttpResponse<String> response = HttpApi.post(http("api/rooms/" + Rooms.fresh() + "/messages"),
                "{\"from\":\"no spaces allowed\",\"text\":\"hi\"}");
        assertEquals(400, response.statusCode());
        assertTrue(HttpApi.json(response).path("error").asText().contains("from"), response.body());
    }

    @Test
    default void publishingEmptyOrOverlongTextAnswers400() {
        String room = Rooms.fresh();
        assertEquals(400, HttpApi.post(http("api/rooms/" + room + "/messages"),
                "{\"from\":\"a\",\"text\":\"\"}").statusCode());
        HttpResponse<String> tooLong = HttpApi.post(http("api/rooms/" + room + "/messages"),
                "{\"from\":\"a\",\"text\":\"" + "x".repeat(4097) + "\"}");
        assertEquals(400, tooLong.statusCode());
        assertTrue(HttpApi.json(tooLong).path("error").asText().contains("4096"), tooLong.body());
        assertEquals(0, find(HttpApi.json(HttpApi.get(http("api/rooms"))), room).path("lastSeq").asLong(0),
                "a refused message must not take a seq");
    }

    @Test
    default void publishingToAnInvalidRoomNameAnswers400() {
        HttpResponse<String> response = HttpApi.post(http("api/rooms/Not_Lower/messages"),
                "{\"from\":\"a\",\"text\":\"hi\"}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("error"), response.body());
    }

    @Test
    default void aBodyOver64KiBAnswers413() {
        String big = "{\"from\":\"a\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpResponse<String> response = HttpApi.post(http("api/rooms/" + Rooms.fresh() + "/messages"), big);
        assertEquals(413, response.statusCode());
        assertTrue(HttpApi.json(response).path("error").asText().contains("limit"), response.body());
    }

    @Test
    default void aWrongMethodAnswers405WithAllow() {
        HttpResponse<String> delete = HttpApi.send(HttpRequest.newBuilder(http("api/rooms")).DELETE());
        assertEquals(405, delete.statusCode());
        assertEquals("GET", delete.headers().firstValue("Allow").orElse(""));
        assertTrue(HttpApi.json(delete).has("error"), delete.body());

        HttpResponse<String> putMessages = HttpApi.send(HttpRequest.newBuilder(
                http("api/rooms/" + Rooms.fresh() + "/messages")).PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, putMessages.statusCode());
        assertEquals("GET, POST", putMessages.headers().firstValue("Allow").orElse(""));
    }

    @Test
    default void theRootServesTheChatPageThatOpensASocketToItsOwnOrigin() {
        HttpResponse<String> page = HttpApi.get(baseUri());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<title>Switchboard</title>"), page.body());
        HttpResponse<String> script = HttpApi.get(http("app.js"));
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("new WebSocket(") && script.body().contains("document.baseURI"),
                "the page's script must open its socket relative to the page's own URL");
    }

    private static JsonNode find(JsonNode rooms, String room) {
        for (JsonNode entry : rooms) {
            if (room.equals(entry.path("room").asText())) {
                return entry;
            }
        }
        throw new AssertionError("room " + room + " missing from " + rooms);
    }
}
