package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.contract.WebXml;
import dev.switchboard.contract.ConnectionLogContract;
import dev.switchboard.contract.ServletTyrusContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.util.Map;

/**
 * The whole contract against the WAR we ship ({@code target/switchboard.war}, built by {@code package}),
 * deployed into GlassFish 7 embedded with its own Tyrus, and called from outside over real sockets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishContractIT extends DeployedWar implements ServletTyrusContract, ConnectionLogContract {

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        // The contract publishes thousands from 127.0.0.1; ResourceLimitsContract tests the rate limit.
        return ShrinkWrap.create(ZipImporter.class, "switchboard.war").importFrom(war).as(WebArchive.class)
                .setWebXML(new StringAsset(WebXml.withContextParameters(Map.of(
                        "publish.rate.per.second", "1000000", "publish.rate.burst", "1000000"))));
    }
}
