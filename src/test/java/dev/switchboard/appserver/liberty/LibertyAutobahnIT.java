package dev.switchboard.appserver.liberty;

import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.conformance.AutobahnContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Autobahn against the unchanged shipped WAR's {@code /echo} in Open Liberty (its own WebSocket implementation). */
class LibertyAutobahnIT implements AutobahnContract {

    private static LibertyServer liberty;

    @BeforeAll
    static void startLiberty() throws IOException {
        liberty = LibertyServer.start(Path.of(System.getProperty("liberty.home")),
                Path.of(System.getProperty("switchboard.war", "target/switchboard.war")),
                ShippedWar.contractSettings());
    }

    @AfterAll
    static void stopLiberty() throws InterruptedException {
        if (liberty != null) {
            liberty.close();
        }
    }

    @Override
    public URI baseUri() {
        return liberty.baseUri();
    }

    @Override
    public String runtimeName() {
        return "liberty";
    }
}
