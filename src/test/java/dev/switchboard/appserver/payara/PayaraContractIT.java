package dev.switchboard.appserver.payara;

import dev.switchboard.appserver.ShippedContractWar;
import dev.switchboard.contract.ApplicationServerContract;

/** The whole contract against the shipped WAR in Payara Server 6 (Tyrus, as in GlassFish). */
class PayaraContractIT extends ShippedContractWar implements ApplicationServerContract {

    /** Payara's Tyrus, as GlassFish's: see conformance.md. */
    @Override
    public boolean closeFrameReachesAStalledPeer() {
        return false;
    }

    /** Payara's Tyrus, as GlassFish's: see conformance.md. */
    @Override
    public boolean refusesUnmaskedClientFrames() {
        return false;
    }
}
