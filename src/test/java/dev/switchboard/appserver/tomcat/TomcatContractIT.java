package dev.switchboard.appserver.tomcat;

import dev.switchboard.appserver.ShippedContractWar;
import dev.switchboard.contract.ApplicationServerContract;

/** The whole contract against the shipped WAR in Apache Tomcat 10.1 (its own WebSocket implementation). */
class TomcatContractIT extends ShippedContractWar implements ApplicationServerContract {

    @Override
    public boolean writesReasonPhrases() {
        return false;
    }
}
