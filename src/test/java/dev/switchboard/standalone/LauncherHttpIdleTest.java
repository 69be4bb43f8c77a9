package dev.switchboard.standalone;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's HTTP keep-alive timeout closes idle HTTP connections, never upgraded ones. */
class LauncherHttpIdleTest {

    private StandaloneServer server;

    @BeforeEach
    void startWithAOneSecondHttpIdleTimeout() throws IOException {
        server = StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.flags(Map.of(
                "http.idle.timeout", "1s", "ping.interval", "30s", "idle.timeout", "60s", "engine", "memory"))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedWhileAnEquallyIdleWebSocketStaysOpen() throws IOException {
        URI base = server.baseUri();
        try (WsClient webSocket = WsClient.connect(URI.create("ws://127.0.0.1:" + base.getPort() + "/echo"));
             Socket http = new Socket(base.getHost(), base.getPort())) {
            http.setSoTimeout(10_000);
            http.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = http.getInputStream();
            String response = readResponse(in);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertEquals(-1, in.read(), "the server closes the idle keep-alive connection");

            webSocket.sendText("idle longer than the HTTP timeout, still open");
            assertEquals("idle longer than the HTTP timeout, still open", webSocket.nextText());
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        int length = Integer.parseInt(head.toString().lines()
                .filter(line -> line.toLowerCase().startsWith("content-length:"))
                .findFirst().orElseThrow().substring(15).trim());
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
