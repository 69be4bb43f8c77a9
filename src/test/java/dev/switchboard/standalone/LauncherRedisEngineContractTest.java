package dev.switchboard.standalone;

import dev.switchboard.contract.ChatContract;
import dev.switchboard.contract.ExactlyOnceContract;
import dev.switchboard.contract.HistoryContract;
import dev.switchboard.contract.HttpApiContract;
import dev.switchboard.contract.LineContract;
import dev.switchboard.contract.PresenceContract;

/** The room-related contract against the launcher on the {@code redis} engine, with a redis-server of its own. */
@InProcessLauncher.Engine("redis")
class LauncherRedisEngineContractTest extends InProcessLauncher implements HttpApiContract, ChatContract,
        HistoryContract, PresenceContract, LineContract, ExactlyOnceContract {
}
