package dev.switchboard.standalone;

import dev.switchboard.browser.BrowserContract;

/** The chat page in Chromium, served by the launcher at "/". */
class LauncherBrowserTest extends InProcessLauncher implements BrowserContract {

    @Override
    public String runtimeName() {
        return "launcher";
    }
}
