package dev.switchboard.standalone;

import dev.switchboard.contract.RoomPolicyContract;

/** The room policy extension point on a launcher started with {@code room.policy}. */
class LauncherRoomPolicyTest extends InProcessLauncher implements RoomPolicyContract {
}
