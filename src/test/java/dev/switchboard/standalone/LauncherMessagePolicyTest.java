package dev.switchboard.standalone;

import dev.switchboard.contract.MessagePolicyContract;

/** The message policy extension point on a launcher started with {@code message.policy}. */
class LauncherMessagePolicyTest extends InProcessLauncher implements MessagePolicyContract {
}
