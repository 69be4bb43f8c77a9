package dev.switchboard.appserver.jetty;

import dev.switchboard.appserver.ShippedContractWar;
import dev.switchboard.contract.ApplicationServerContract;

/**
 * The whole contract against the shipped WAR in Jetty 12 ee10 (its own WebSocket implementation), embedded in the
 * test JVM.
 */
class JettyContractIT extends ShippedContractWar implements ApplicationServerContract {

    @Override
    public boolean carriesLineProtocol() {
        return false;
    }
}
