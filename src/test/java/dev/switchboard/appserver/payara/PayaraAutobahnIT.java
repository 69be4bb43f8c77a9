package dev.switchboard.appserver.payara;

import dev.switchboard.appserver.ShippedContractWar;
import dev.switchboard.conformance.AutobahnContract;

/** Autobahn against the shipped WAR's {@code /echo} in Payara Server 6. */
class PayaraAutobahnIT extends ShippedContractWar implements AutobahnContract {

    @Override
    public String runtimeName() {
        return "payara";
    }
}
