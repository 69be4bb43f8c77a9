package dev.switchboard.appserver.wildfly;

import dev.switchboard.appserver.ExampleContractWar;
import dev.switchboard.contract.ApplicationServerContract;

/**
 * The whole contract against Switchboard embedded in an application's WAR, under its prefix {@code /switchboard}, in
 * WildFly 39: the module behaves as our own WAR does (same container exceptions as {@code WildFlyContractIT}).
 */
class WildFlyModuleContractIT extends ExampleContractWar implements ApplicationServerContract {

    /** Undertow spins on an upgraded connection closed with a write pending: see conformance.md. */
    @Override
    public boolean carriesLineProtocol() {
        return false;
    }
}
