package dev.switchboard.appserver.tomcat;

import dev.switchboard.appserver.ShippedContractWar;
import dev.switchboard.conformance.AutobahnContract;

/** Autobahn against the shipped WAR's {@code /echo} in Apache Tomcat 10.1. */
class TomcatAutobahnIT extends ShippedContractWar implements AutobahnContract {

    /** Fail-fast on invalid UTF-8 split across fragments: see conformance.md, "Autobahn 6.4.3 and 6.4.4". */
    @Override
    public java.util.Set<String> knownFailures() {
        return java.util.Set.of("6.4.3", "6.4.4");
    }

    @Override
    public String runtimeName() {
        return "tomcat";
    }
}
