package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /inspect} reports the handshake the test really sent, and the accept the server really answered. */
public interface InspectorContract extends ServerUnderTest {

    @Test
    default void theInspectorReportsTheSentHeadersTheAcceptAndThePorts() throws IOException {
        String key = "AQIDBAUGBwgJCgsMDQ4PEA==";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(baseUri().getHost(), baseUri().getPort()), 10_000);
            socket.setSoTimeout(10_000);
            String request = "GET " + baseUri().getPath() + "inspect HTTP/1.1\r\n"
                    + "Host: " + baseUri().getHost() + ":" + baseUri().getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\n"
                    + "X-Inspect-Me: a header only this test sends\r\n"
                    + "X-Switchboard-Local-Port: 1\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            String acceptOnTheWire = head.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-accept:"))
                    .findFirst().orElseThrow().substring("sec-websocket-accept:".length()).trim();

            JsonNode report = WsClient.parse(readTextFrame(in));
            assertEquals("handshake", report.path("type").asText());
            assertTrue(report.path("request").path("line").asText().startsWith("GET "), report.toString());
            assertTrue(report.path("request").path("line").asText().contains("inspect"), report.toString());
            assertEquals("a header only this test sends", header(report.path("request"), "X-Inspect-Me"));
            assertEquals(key, header(report.path("request"), "Sec-WebSocket-Key"));
            assertEquals(101, report.path("response").path("status").asInt());
            assertEquals(acceptOnTheWire, report.path("accept").path("computed").asText());
            assertEquals(Handshakes.accept(key), report.path("accept").path("computed").asText());
            assertTrue(report.path("accept").path("matches").asBoolean());
            assertEquals(baseUri().getPort(), report.path("localPort").asInt(), "the port the request came in on");
            assertEquals(socket.getLocalPort(), report.path("remotePort").asInt(), "this test's own port");
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

    private static String readHead(java.io.DataInputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        return head.toString();
    }

    private static String readTextFrame(java.io.DataInputStream in) throws IOException {
        int opcode = in.readUnsignedByte() & 0x0f;
        assertEquals(1, opcode, "a text frame");
        long length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
