package dev.switchboard.standalone;

import dev.switchboard.browser.Browser;
import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.tls.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Chromium, trusting a test CA, opens the page over https:// and chats over wss:// on the launcher's one port. */
class LauncherTlsBrowserTest {

    private final TestCertificates authority = new TestCertificates();
    private Path dir;
    private StandaloneServer server;

    @BeforeEach
    void startWithTls() throws IOException {
        dir = Files.createTempDirectory("switchboard-tls-browser");
        TestCertificates.Issued issued = authority.issue(dir, "server", "localhost");
        server = StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.flags(Map.of(
                "engine", "memory", "tls.cert", issued.certFile().toString(),
                "tls.key", issued.keyFile().toString()))));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        TempDirectories.delete(dir);
    }

    @Test
    void twoPeopleChatOverWss() {
        String trustTheTestCa = "--ignore-certificate-errors-spki-list=" + authority.caSpkiHash();
        try (Browser ann = Browser.start(trustTheTestCa); Browser bob = Browser.start(trustTheTestCa)) {
            ann.open(server.baseUri());
            ann.join("tls-room", "ann");
            bob.open(server.baseUri());
            bob.join("tls-room", "bob");
            ann.say("hello over wss");
            assertEquals(1, bob.awaitMessage("hello over wss"));
            assertEquals("wss:", ann.script("return new URL(window.switchboardConnection().socket.url).protocol"));
        }
    }
}
