package dev.switchboard.appserver.liberty;

import dev.switchboard.conformance.AutobahnContract;

/** Autobahn against the unchanged shipped WAR's {@code /echo} in Open Liberty (its own WebSocket implementation). */
class LibertyAutobahnIT extends StartedLiberty implements AutobahnContract {

    /** A continuation frame with nothing to continue is closed with 1001, not 1002: see conformance.md. */
    @Override
    public java.util.Set<String> knownFailures() {
        return java.util.Set.of("5.12", "5.13", "5.14", "5.15", "5.16");
    }

    @Override
    public String runtimeName() {
        return "liberty";
    }
}
