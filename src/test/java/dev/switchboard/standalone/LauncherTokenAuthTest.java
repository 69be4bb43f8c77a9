package dev.switchboard.standalone;

import dev.switchboard.contract.TokenAuthContract;

/** auth=token against a launcher of its own. */
class LauncherTokenAuthTest extends InProcessLauncher implements TokenAuthContract {
}
