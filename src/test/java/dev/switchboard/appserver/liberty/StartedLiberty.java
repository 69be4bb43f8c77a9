package dev.switchboard.appserver.liberty;

import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.contract.ServerUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A test class against the unchanged shipped WAR in a real Open Liberty, started for the class with the contract's
 * settings and stopped after it (what Arquillian does for the other servers).
 */
abstract class StartedLiberty implements ServerUnderTest {

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
            liberty = null;
        }
    }

    @Override
    public URI baseUri() {
        return liberty.baseUri();
    }
}
