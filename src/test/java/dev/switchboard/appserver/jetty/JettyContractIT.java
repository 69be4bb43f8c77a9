package dev.switchboard.appserver.jetty;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.contract.BackpressureContract;
import dev.switchboard.contract.ChatContract;
import dev.switchboard.contract.EchoContract;
import dev.switchboard.contract.ExactlyOnceContract;
import dev.switchboard.contract.HandshakeContract;
import dev.switchboard.contract.HistoryContract;
import dev.switchboard.contract.HttpApiContract;
import dev.switchboard.contract.InspectorContract;
import dev.switchboard.contract.LimitsContract;
import dev.switchboard.contract.LineContract;
import dev.switchboard.contract.MaskingContract;
import dev.switchboard.contract.MetricsContract;
import dev.switchboard.contract.PresenceContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole contract against the shipped WAR in Jetty 12 ee10 (its own WebSocket implementation), embedded in the test JVM. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JettyContractIT extends DeployedWar implements HttpApiContract, ChatContract, EchoContract,
        HandshakeContract, HistoryContract, PresenceContract, BackpressureContract, LimitsContract, LineContract,
        InspectorContract, MaskingContract, ExactlyOnceContract, MetricsContract {

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return ShippedWar.withContractSettings();
    }

    @Override
    public boolean carriesLineProtocol() {
        return false;
    }
}
