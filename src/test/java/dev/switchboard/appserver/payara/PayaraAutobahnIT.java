package dev.switchboard.appserver.payara;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.conformance.AutobahnContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Autobahn against the shipped WAR's {@code /echo} in Payara Server 6. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayaraAutobahnIT extends DeployedWar implements AutobahnContract {

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return ShippedWar.withContractSettings();
    }

    @Override
    public String runtimeName() {
        return "payara";
    }
}
