package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.contract.ResourceLimitsContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

/** The limits that need small settings, against the WAR in GlassFish deployed with them and an empty store. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlassFishResourceLimitsIT extends DeployedWar implements ResourceLimitsContract {

    @Deployment(testable = false)
    static WebArchive limitedWar() throws IOException {
        return ShippedWar.withSettings("limited", SETTINGS);
    }
}
