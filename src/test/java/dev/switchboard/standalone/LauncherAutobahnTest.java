package dev.switchboard.standalone;

import dev.switchboard.conformance.AutobahnContract;
import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.URI;

/** Autobahn against the launcher's {@code /echo}. */
class LauncherAutobahnTest implements AutobahnContract {

    private static StandaloneServer server;

    @BeforeAll
    static void startLauncher() throws IOException {
        server = StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.standard()));
    }

    @AfterAll
    static void stopLauncher() {
        server.close();
    }

    @Override
    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public String runtimeName() {
        return "launcher";
    }
}
