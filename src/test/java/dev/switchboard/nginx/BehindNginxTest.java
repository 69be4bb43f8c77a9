package dev.switchboard.nginx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.browser.Browser;
import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.contract.LineClient;
import dev.switchboard.contract.RawHttp;
import dev.switchboard.contract.RawWebSocket;
import dev.switchboard.contract.WsClient;
import dev.switchboard.standalone.StandaloneServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher behind Debian's nginx with the shipped proxy settings: HTTP, WebSocket and the line protocol through
 * one nginx location, and Switchboard ({@code trusted.proxies=127.0.0.1}) sees the real client.
 */
class BehindNginxTest {

    private static StandaloneServer launcher;
    private static NginxServer nginx;

    @BeforeAll
    static void startLauncherBehindNginx() throws IOException {
        launcher = StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.firstOf(SettingsSource.flags(
                Map.of("engine", "memory", "trusted.proxies", "127.0.0.1")), SettingsSource.standard())));
        nginx = NginxServer.inFrontOf(launcher.port());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
        launcher.close();
    }

    private static String room() {
        return "proxied-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static URI ws(String relative) {
        return URI.create("ws" + nginx.baseUri().resolve(relative).toString().substring("http".length()));
    }

    @Test
    void chatWorksThroughTheProxy() {
        String room = room();
        try (WsClient ann = WsClient.connect(ws("chat/" + room + "?name=ann"))) {
            ann.expect("welcome");
            JsonNode said = HttpApi.json(HttpApi.post(nginx.baseUri().resolve("api/rooms/" + room + "/messages"),
                    HttpApi.object("from", "bot", "text", "through nginx")));
            assertEquals("through nginx", said.path("text").asText());
            assertEquals(said, ann.nextOfType("message"));
        }
    }

    @Test
    void theLineProtocolUpgradesThroughTheProxy() {
        String room = room();
        try (LineClient line = LineClient.join(nginx.baseUri(), room, "liner")) {
            line.readLine(); // the welcome line
            line.send("hello over a proxied line");
            assertEquals("#1 liner: hello over a proxied line", line.readLine());
        }
    }

    @Test
    void switchboardSeesTheRealClientBehindTheProxy() throws IOException {
        InetAddress client = InetAddress.getByName("127.0.0.9");
        try (RawWebSocket inspect = RawWebSocket.openFrom(client, nginx.baseUri(), "inspect", 65536)) {
            JsonNode report = new ObjectMapper().readTree(inspect.readFrame().text());
            assertEquals("127.0.0.9", report.path("client").asText(), "X-Forwarded-For from a trusted proxy");
        }
    }

    @Test
    void thePerAddressLimitCountsTheRealClientsNotTheProxy() throws IOException {
        InetAddress crowded = InetAddress.getByName("127.0.0.11");
        int limit = Integer.parseInt(System.getProperty("switchboard.max.connections.per.address"));
        List<RawWebSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < limit; i++) {
                open.add(echoing(crowded));
            }
            // Past the limit: refused at the handshake (503), or closed at once (1013) when it raced the others' opens.
            try {
                RawWebSocket over = RawWebSocket.openFrom(crowded, nginx.baseUri(), "echo", 65536);
                open.add(over);
                over.sendText("over the limit");
                assertEquals(1013, over.readFrame().closeCode(), "the connection over the limit is closed");
            } catch (RawWebSocket.Refused refused) {
                assertEquals(503, refused.status(), refused.getMessage());
            }
            // Every one of these came from nginx at 127.0.0.1; another client still gets in.
            open.add(echoing(InetAddress.getByName("127.0.0.12")));
        } finally {
            open.forEach(RawWebSocket::close);
        }
    }

    /** A WebSocket from this address that has answered an echo: it is open and counted. */
    private static RawWebSocket echoing(InetAddress from) throws IOException {
        RawWebSocket socket = RawWebSocket.openFrom(from, nginx.baseUri(), "echo", 65536);
        socket.sendText("counted");
        assertEquals("counted", socket.readFrame().text());
        return socket;
    }

    @Test
    void aBrowserChatsThroughTheProxyAndPassesTheOriginCheck() {
        String room = room();
        try (Browser ann = Browser.start()) {
            ann.open(nginx.baseUri());
            ann.join(room, "ann");
            ann.say("the page came through nginx and so did its socket");
            assertEquals(1, ann.awaitMessage("the page came through nginx and so did its socket"));
        }
    }

    @Test
    void aWebSocketOfAnotherOriginIsStillRefusedThroughTheProxy() {
        RawHttp.Response refused = RawHttp.get(nginx.baseUri(), "/chat/" + room() + "?name=eve",
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Origin: http://evil.example");
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("evil.example"), refused.body());
    }
}
