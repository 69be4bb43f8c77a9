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

    /** A continuation frame with nothing to continue is closed with 1001, not 1002: see conformance.md. */
    @Override
    public java.util.Set<String> knownFailures() {
        return java.util.Set.of("5.12", "5.13", "5.14", "5.15", "5.16");
    }

    @Override
    public String runtimeName() {
        return "liberty";
    }
}
