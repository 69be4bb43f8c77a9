package dev.switchboard.appserver.liberty;

import dev.switchboard.contract.ApplicationServerContract;

/** The whole contract against the unchanged shipped WAR in Open Liberty (webProfile-10.0), started from the build. */
class LibertyContractIT extends StartedLiberty implements ApplicationServerContract {

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
