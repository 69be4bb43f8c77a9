package dev.switchboard.standalone;

import dev.switchboard.browser.TokenBrowserContract;
import dev.switchboard.contract.TokenAuthContract;

/** auth=token against a launcher of its own, from clients and from the page in Chromium. */
class LauncherTokenAuthTest extends InProcessLauncher implements TokenAuthContract, TokenBrowserContract {
}
