package dev.switchboard.appserver.wildfly;

import dev.switchboard.appserver.ShippedContractWar;
import dev.switchboard.contract.ApplicationServerContract;

/** The whole contract against the shipped WAR in WildFly 39 (Undertow's WebSocket implementation). */
class WildFlyContractIT extends ShippedContractWar implements ApplicationServerContract {

    /** Undertow spins on an upgraded connection closed with a write pending: see conformance.md. */
    @Override
    public boolean carriesLineProtocol() {
        return false;
    }
}
