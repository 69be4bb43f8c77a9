package dev.switchboard.standalone;

import dev.switchboard.conformance.AutobahnContract;

/** Autobahn against the launcher's {@code /echo}. */
class LauncherAutobahnTest extends InProcessLauncher implements AutobahnContract {

    @Override
    public String runtimeName() {
        return "launcher";
    }
}
