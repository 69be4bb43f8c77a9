package dev.switchboard.browser;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.standalone.StandaloneServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * permessage-deflate (RFC 7692) between Chromium's implementation and the launcher's (Tyrus), on /echo and on a
 * real chat. The Autobahn build we can run here has no cases for groups 12 and 13 (see src/docs/conformance.md),
 * so an independent peer checks it instead.
 */
class DeflateInteropTest {

    private static final String SCRIPT = """
            const [url, text, done] = arguments;
            const ws = new WebSocket(url);
            ws.onopen = () => ws.send(text);
            ws.onmessage = (m) => { done([ws.extensions, m.data === text, m.data.length]); ws.close(); };
            ws.onerror = () => done(['error', false, 0]);
            """;

    @Test
    void chromiumNegotiatesDeflateAndLargeCompressibleMessagesComeBackIntact() throws IOException {
        Settings deflate = Settings.load(SettingsSource.flags(Map.of("permessage.deflate", "true", "engine", "memory")));
        try (StandaloneServer server = StandaloneServer.start("127.0.0.1", 0, deflate);
             Browser browser = Browser.start()) {
            browser.open(server.baseUri());
            String url = "ws://127.0.0.1:" + server.port() + "/echo";
            for (String text : List.of("short", "switchboard ".repeat(5000), "é✓𝄞".repeat(3000))) {
                List<?> result = (List<?>) browser.asyncScript(SCRIPT, url, text);
                assertEquals("permessage-deflate", String.valueOf(result.get(0)).split(";")[0].trim());
                assertEquals(Boolean.TRUE, result.get(1), "the echo equals what was sent (" + result.get(2) + ")");
            }
            browser.join("deflated", "ann");
            browser.say("compressed both ways");
            assertEquals(1, browser.awaitMessage("compressed both ways"));
        }
    }

    @Test
    void withoutTheSettingChromiumGetsNoExtension() throws IOException {
        try (StandaloneServer server = StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.flags(Map.of("engine", "memory"))));
             Browser browser = Browser.start()) {
            browser.open(server.baseUri());
            List<?> result = (List<?>) browser.asyncScript(SCRIPT, "ws://127.0.0.1:" + server.port() + "/echo", "hi");
            assertEquals("", result.get(0));
            assertEquals(Boolean.TRUE, result.get(1));
        }
    }
}
