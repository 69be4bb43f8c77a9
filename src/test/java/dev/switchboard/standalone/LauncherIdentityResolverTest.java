package dev.switchboard.standalone;

import dev.switchboard.contract.IdentityResolverContract;

/** {@code auth=custom} on a launcher: the application's identity resolver decides who connects and calls. */
class LauncherIdentityResolverTest extends InProcessLauncher implements IdentityResolverContract {
}
