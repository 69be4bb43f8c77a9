package dev.switchboard.appserver.wildfly;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.conformance.AutobahnContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Autobahn against the shipped WAR's {@code /echo} in WildFly 39 (Undertow). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyAutobahnIT extends DeployedWar implements AutobahnContract {

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return ShippedWar.withContractSettings();
    }

    /** Fail-fast on invalid UTF-8 split across fragments: see conformance.md, "Autobahn 6.4.3 and 6.4.4". */
    @Override
    public java.util.Set<String> knownFailures() {
        return java.util.Set.of("6.4.3", "6.4.4");
    }

    @Override
    public String runtimeName() {
        return "wildfly";
    }
}
