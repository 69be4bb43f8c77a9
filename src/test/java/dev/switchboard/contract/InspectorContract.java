package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /inspect} reports the handshake the test really sent, and the accept the server really answered. */
public interface InspectorContract extends ServerUnderTest {

    @Test
    default void theInspectorReportsTheSentHeadersTheAcceptAndThePorts() throws IOException {
        String key = "AQIDBAUGBwgJCgsMDQ4PEA==";
        try (RawWebSocket client = RawWebSocket.open(baseUri(), "inspect", 65536,
                "X-Inspect-Me: a header only this test sends", "X-Switchboard-Local-Port: 1")) {
            String acceptOnTheWire = client.head().lines()
                    .filter(line -> line.toLowerCase().startsWith("sec-websocket-accept:"))
                    .findFirst().orElseThrow().substring("sec-websocket-accept:".length()).trim();

            JsonNode report = WsClient.parse(client.readFrame().text());
            assertEquals("handshake", report.path("type").asText());
            assertTrue(report.path("request").path("line").asText().startsWith("GET "), report.toString());
            assertTrue(report.path("request").path("line").asText().contains("inspect"), report.toString());
            assertEquals("a header only this test sends", header(report.path("request"), "X-Inspect-Me"));
            assertEquals(Handshakes.KEY, header(report.path("request"), "Sec-WebSocket-Key"));
            assertEquals(101, report.path("response").path("status").asInt());
            assertEquals(acceptOnTheWire, report.path("accept").path("computed").asText());
            assertEquals(Handshakes.accept(Handshakes.KEY), report.path("accept").path("computed").asText());
            assertTrue(report.path("accept").path("matches").asBoolean());
            assertEquals(acceptOnTheWire, header(report.path("response"), "Sec-WebSocket-Accept"),
                    "the response headers as the client received them");
            assertEquals("websocket", header(report.path("response"), "Upgrade").toLowerCase());
            assertEquals(baseUri().getPort(), report.path("localPort").asInt(), "the port the request came in on");
            assertEquals(client.localPort(), report.path("remotePort").asInt(), "this test's own port");
            assertFalse(report.path("request").toString().toLowerCase().contains("x-switchboard-local-port"),
                    "the server's own port headers are not reported as sent");
        }
    }

    private static String header(JsonNode request, String name) {
        for (JsonNode header : request.path("headers")) {
            if (header.get(0).asText().equalsIgnoreCase(name)) {
                return header.get(1).asText();
            }
        }
        throw new AssertionError(name + " not reported: " + request);
    }
}
