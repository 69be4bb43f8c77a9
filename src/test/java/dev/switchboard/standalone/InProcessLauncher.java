package dev.switchboard.standalone;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.ServerUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.URI;

/** The launcher, started in-process on a free port for each test class, with the test run's settings. */
abstract class InProcessLauncher implements ServerUnderTest {

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
}
