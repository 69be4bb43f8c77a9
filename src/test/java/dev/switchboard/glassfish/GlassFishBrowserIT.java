package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.browser.BrowserContract;
import dev.switchboard.browser.StatusPageContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The chat page in Chromium, served by the WAR in GlassFish under its context root. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishBrowserIT extends DeployedWar implements BrowserContract, StatusPageContract {

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return GlassFishContractIT.shippedWar();
    }

    @Override
    public String runtimeName() {
        return "glassfish";
    }
}
