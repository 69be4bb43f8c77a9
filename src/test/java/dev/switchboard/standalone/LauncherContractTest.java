package dev.switchboard.standalone;

import dev.switchboard.contract.BackpressureContract;
import dev.switchboard.contract.ChatContract;
import dev.switchboard.contract.ConnectionLogContract;
import dev.switchboard.contract.EchoContract;
import dev.switchboard.contract.ExactlyOnceContract;
import dev.switchboard.contract.HandshakeContract;
import dev.switchboard.contract.HistoryContract;
import dev.switchboard.contract.HttpApiContract;
import dev.switchboard.contract.InspectorContract;
import dev.switchboard.contract.LineContract;
import dev.switchboard.contract.MaskingContract;
import dev.switchboard.contract.MetricsContract;
import dev.switchboard.contract.LimitsContract;
import dev.switchboard.contract.PresenceContract;

/** The whole contract against the standalone launcher, started in-process on a free port. */
class LauncherContractTest extends InProcessLauncher implements HttpApiContract, ChatContract, EchoContract,
        HandshakeContract, HistoryContract, PresenceContract, BackpressureContract, LimitsContract, LineContract,
        InspectorContract, MaskingContract, ExactlyOnceContract, MetricsContract,
        ConnectionLogContract {
}
