package dev.switchboard.appserver;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class against the shipped WAR with the contract's settings ({@link ShippedWar#withContractSettings()}),
 * deployed by Arquillian into the application server of the subclass's profile and tested from outside.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ShippedContractWar extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return ShippedWar.withContractSettings();
    }
}
