package dev.switchboard.appserver.liberty;

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

/** The whole contract against the unchanged shipped WAR in Open Liberty (webProfile-10.0), started from the build. */
class LibertyContractIT extends StartedLiberty implements HttpApiContract, ChatContract, EchoContract,
        HandshakeContract, HistoryContract, PresenceContract, BackpressureContract, LimitsContract, LineContract,
        InspectorContract, MaskingContract, ExactlyOnceContract, MetricsContract {

    /** Liberty's HTTP channel has no phrase for 426 and writes "Undefined": see conformance.md. */
    @Override
    public boolean writesReasonPhrases() {
        return false;
    }

    /** Liberty's 1002 reason names our endpoint class and is cut before it says "mask": see conformance.md. */
    @Override
    public boolean namesMaskingInTheCloseReason() {
        return false;
    }

    /** A Servlet upgrade blocks on flush and does not end on close here: see conformance.md. */
    @Override
    public boolean carriesLineProtocol() {
        return false;
    }
}
