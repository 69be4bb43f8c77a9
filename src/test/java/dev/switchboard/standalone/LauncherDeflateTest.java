package dev.switchboard.standalone;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.Handshakes;
import dev.switchboard.contract.RawHttp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** permessage-deflate is opt-in: negotiated on /chat and /echo only when the setting is on. */
class LauncherDeflateTest {

    private static RawHttp.Response handshake(StandaloneServer server, String path) {
        List<String> headers = new ArrayList<>(List.of(Handshakes.headers(Handshakes.KEY, "13")));
        headers.add("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits");
        return RawHttp.get(server.baseUri(), path, headers.toArray(String[]::new));
    }

    @Test
    void byDefaultNoExtensionIsNegotiated() throws IOException {
        try (StandaloneServer server = StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.flags(Map.of("engine", "memory"))))) {
            RawHttp.Response response = handshake(server, "/echo");
            assertEquals(101, response.status());
            assertNull(response.header("Sec-WebSocket-Extensions"));
        }
    }

    @Test
    void whenSwitchedOnChatAndEchoNegotiatePermessageDeflate() throws IOException {
        Settings deflate = Settings.load(SettingsSource.flags(Map.of("permessage.deflate", "true", "engine", "memory")));
        try (StandaloneServer server = StandaloneServer.start("127.0.0.1", 0, deflate)) {
            for (String path : List.of("/echo", "/chat/deflated?name=ann")) {
                RawHttp.Response response = handshake(server, path);
                assertEquals(101, response.status(), path);
                String extensions = response.header("Sec-WebSocket-Extensions");
                assertTrue(extensions != null && extensions.startsWith("permessage-deflate"), path + ": " + extensions);
            }
        }
    }
}
