package dev.switchboard.contract;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opening handshake as bytes on the wire, identical in every runtime. */
public interface HandshakeContract extends ServerUnderTest {

    private String path(String relative) {
        return baseUri().getPath() + relative;
    }

    @Test
    default void aValidUpgradeIsAnswered101WithTheAcceptComputedFromTheKey() {
        RawHttp.Response response = RawHttp.get(baseUri(), path("chat/" + Rooms.fresh() + "?name=raw"),
                Handshakes.validHeaders());
        assertEquals(101, response.status());
        assertEquals("websocket", response.header("Upgrade").toLowerCase());
        assertEquals("upgrade", response.header("Connection").toLowerCase());
        assertEquals(Handshakes.accept(Handshakes.KEY), response.header("Sec-WebSocket-Accept"));
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", response.header("Sec-WebSocket-Accept"),
                "the worked example of RFC 6455 section 1.3");
    }

    @Test
    default void anotherKeyGetsItsOwnAccept() {
        String key = "AAECAwQFBgcICQoLDA0ODw==";
        RawHttp.Response response = RawHttp.get(baseUri(), path("echo"), Handshakes.headers(key, "13"));
        assertEquals(101, response.status());
        assertEquals(Handshakes.accept(key), response.header("Sec-WebSocket-Accept"));
    }

    @Test
    default void anUnsupportedVersionIsAnswered426NamingVersion13() {
        RawHttp.Response response = RawHttp.get(baseUri(), path("echo"), Handshakes.headers(Handshakes.KEY, "8"));
        assertEquals(426, response.status());
        if (writesReasonPhrases()) {
            assertEquals("Upgrade Required", response.reason());
        }
        assertEquals("13", response.header("Sec-WebSocket-Version"));
        assertTrue(response.body().contains("13"), response.body());
    }

    @Test
    default void aMissingKeyIsAnswered400() {
        RawHttp.Response response = RawHttp.get(baseUri(), path("echo"),
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13");
        assertEquals(400, response.status());
        assertTrue(response.body().contains("Sec-WebSocket-Key"), response.body());
    }

    @Test
    default void aKeyThatIsNotSixteenBytesIsAnswered400() {
        assertEquals(400, RawHttp.get(baseUri(), path("echo"),
                Handshakes.headers("c2hvcnQ=", "13")).status(), "8 bytes of base64");
        assertEquals(400, RawHttp.get(baseUri(), path("echo"),
                Handshakes.headers("not base64 at all!", "13")).status(), "not base64");
    }

    @Test
    default void aPlainGetOnAWebSocketPathIsAPlainHttpAnswerWithAnExplanation() {
        RawHttp.Response response = RawHttp.get(baseUri(), path("chat/lobby"));
        assertNotEquals(101, response.status());
        assertEquals(426, response.status());
        assertEquals("websocket", response.header("Upgrade"));
        String body = response.body().strip();
        assertFalse(body.contains("\n"), "one line");
        assertTrue(body.contains("WebSocket"), body);
    }

    @Test
    default void anUpgradeToAPathWithoutAnEndpointIsAnswered404() {
        RawHttp.Response response = RawHttp.get(baseUri(), path("no-such-endpoint"), Handshakes.validHeaders());
        assertEquals(404, response.status());
    }

    @Test
    default void httpAndWebSocketShareOnePortAtTheSameTime() {
        try (WsClient echo = WsClient.connect(ws("echo"))) {
            HttpResponse<String> health = HttpApi.get(http("health"));
            assertEquals(200, health.statusCode());
            assertEquals(ws("echo").getPort(), http("health").getPort());
            echo.sendText("still a WebSocket");
            assertEquals("still a WebSocket", echo.nextText());
        }
    }
}
