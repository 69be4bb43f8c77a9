package dev.switchboard.appserver.liberty;

import dev.switchboard.appserver.ExampleApplication;
import dev.switchboard.appserver.RoomsBeanWar;
import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.contract.RoomsBeanContract;
import dev.switchboard.contract.ServerUnderTest;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A test class against the shipped WAR in a real Open Liberty, started for the class with the contract's settings and
 * stopped after it (what Arquillian does for the other servers); a {@link RoomsBeanContract} gets the example
 * application's WAR instead.
 */
abstract class StartedLiberty implements ServerUnderTest {

    private static LibertyServer liberty;

    @BeforeAll
    static void startLiberty(TestInfo test) throws IOException {
        Path war = Path.of(System.getProperty("switchboard.war", "target/switchboard.war"));
        String health = "health";
        if (test.getTestClass().filter(RoomsBeanContract.class::isAssignableFrom).isPresent()) {
            // The example application, built on the module, exported as a file to deploy.
            war = Path.of("target", "liberty-shop.war").toAbsolutePath();
            RoomsBeanWar.shop().as(ZipExporter.class).exportTo(war.toFile(), true);
            health = ExampleApplication.SWITCHBOARD_PATH + "health";
        }
        liberty = LibertyServer.start(Path.of(System.getProperty("liberty.home")), war,
                ShippedWar.contractSettings(), health);
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
