package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.contract.WebXml;
import dev.switchboard.browser.TokenBrowserContract;
import dev.switchboard.contract.TokenAuthContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;

/** auth=token against the WAR in GlassFish, deployed with the contract's settings as context parameters. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishTokenAuthIT extends DeployedWar implements TokenAuthContract, TokenBrowserContract {

    @Deployment(testable = false)
    static WebArchive warWithTokens() {
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        return ShrinkWrap.create(ZipImporter.class, "tokens.war").importFrom(war).as(WebArchive.class)
                .setWebXML(new StringAsset(WebXml.withContextParameters(SETTINGS)));
    }
}
