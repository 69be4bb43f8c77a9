package dev.switchboard.standalone;

import dev.switchboard.browser.BrowserContract;
import dev.switchboard.browser.StatusPageContract;

/** The chat page in Chromium, served by the launcher at "/". */
class LauncherBrowserTest extends InProcessLauncher implements BrowserContract, StatusPageContract {

    @Override
    public String runtimeName() {
        return "launcher";
    }
}
