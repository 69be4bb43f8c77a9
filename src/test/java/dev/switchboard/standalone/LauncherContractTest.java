package dev.switchboard.standalone;

import dev.switchboard.contract.BackpressureContract;
import dev.switchboard.contract.ChatContract;
import dev.switchboard.contract.EchoContract;
import dev.switchboard.contract.HandshakeContract;
import dev.switchboard.contract.HistoryContract;
import dev.switchboard.contract.HttpApiContract;
import dev.switchboard.contract.InspectorContract;
import dev.switchboard.contract.LineContract;
import dev.switchboard.contract.MaskingContract;
import dev.switchboard.contract.LimitsContract;
import dev.switchboard.contract.PresenceContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.URI;

/** The whole contract against the standalone launcher, started in-process on a free port. */
class LauncherContractTest implements HttpApiContract, ChatContract, EchoContract, HandshakeContract,
        HistoryContract, PresenceContract, BackpressureContract, LimitsContract, LineContract, InspectorContract,
        MaskingContract {

    private static StandaloneServer server;

    @BeforeAll
    static void startLauncher() throws IOException {
        server = StandaloneServer.start("127.0.0.1", 0, dev.switchboard.config.Settings.load(dev.switchboard.config.SettingsSource.standard()));
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
