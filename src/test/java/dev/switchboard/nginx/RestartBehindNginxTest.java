package dev.switchboard.nginx;

import dev.switchboard.browser.Browser;
import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.standalone.StandaloneServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A launcher restarted behind nginx: the page, connected through the proxy, comes back by itself. */
class RestartBehindNginxTest {

    /** The page's longest reconnect delay (room-connection.js MAX_DELAY_MS) plus a generous grace. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(30).plus(Duration.ofSeconds(45));

    private Path dataDir;
    private StandaloneServer launcher;
    private NginxServer nginx;

    private StandaloneServer startLauncher(int port) throws IOException {
        return StandaloneServer.start("127.0.0.1", port, Settings.load(SettingsSource.firstOf(SettingsSource.flags(
                Map.of("data.dir", dataDir.toString(), "trusted.proxies", "127.0.0.1")), SettingsSource.standard())));
    }

    @BeforeEach
    void startBehindNginx() throws IOException {
        dataDir = Files.createTempDirectory("switchboard-restart");
        launcher = startLauncher(0);
        nginx = NginxServer.inFrontOf(launcher.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        launcher.close();
        try (var paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void thePageReconnectsThroughTheProxyAfterALauncherRestartAndMissesNothing() throws IOException {
        try (Browser ann = Browser.start()) {
            ann.open(nginx.baseUri());
            ann.join("restart-room", "ann");
            ann.say("before the restart");
            assertEquals(1, ann.awaitMessage("before the restart"));

            int port = launcher.port();
            launcher.close();
            ann.awaitState("reconnecting", BACK_WITHIN);
            launcher = startLauncher(port);
            // Said while the page is still away: it must arrive through its recovery (since=its last seq).
            HttpApi.post(nginx.baseUri().resolve("api/rooms/restart-room/messages"),
                    HttpApi.object("from", "bot", "text", "while the page was away"));

            ann.awaitState("live", BACK_WITHIN);
            assertEquals(1, ann.awaitMessage("while the page was away"));
            assertEquals(1, ann.awaitMessage("before the restart"), "shown once, not again after the reconnect");
        }
    }
}
