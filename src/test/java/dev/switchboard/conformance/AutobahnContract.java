package dev.switchboard.conformance;

import dev.switchboard.contract.ServerUnderTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * RFC 6455 conformance of {@code /echo}, as the Autobahn TestSuite judges it: OK, NON-STRICT and INFORMATIONAL
 * pass, any FAILED fails the build. The case groups come from {@code -Dautobahn.cases} (the pom's default is
 * groups 1 to 7 and 10; profile {@code autobahn-large} runs group 9).
 */
public interface AutobahnContract extends ServerUnderTest {

    /** Names the runtime in the report and the summary line. */
    String runtimeName();

    /**
     * Cases this runtime is known to fail, each documented in src/docs/conformance.md; any other FAILED case fails.
     * Empty for the launcher and GlassFish.
     */
    default java.util.Set<String> knownFailures() {
        return java.util.Set.of();
    }

    @Test
    default void echoPassesTheAutobahnFuzzingClientWithoutAFailedCase() throws Exception {
        String cases = System.getProperty("autobahn.cases", "1.*,2.*,3.*,4.*,5.*,6.*,7.*,10.*");
        AutobahnFuzzingClient.Report report = AutobahnFuzzingClient.run(runtimeName(), ws("echo"), cases);
        System.out.println(report.summary());
        System.out.println("autobahn " + runtimeName() + " by group: " + report.byGroup());
        assertFalse(report.cases().isEmpty(), "the suite ran no case; see " + report.directory());
        java.util.Map<String, ?> unexpected = new java.util.TreeMap<>(report.failed());
        unexpected.keySet().removeAll(knownFailures());
        assertEquals(java.util.Map.of(), unexpected, "FAILED cases; reports in " + report.directory());
    }
}
