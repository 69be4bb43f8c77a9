package dev.switchboard.appserver.payara;

import dev.switchboard.appserver.ShippedContractWar;
import dev.switchboard.contract.ServletTyrusContract;

/** The whole contract against the shipped WAR in Payara Server 6 (Tyrus, as in GlassFish). */
class PayaraContractIT extends ShippedContractWar implements ServletTyrusContract {
}
