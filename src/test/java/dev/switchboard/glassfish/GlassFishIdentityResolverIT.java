package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.contract.GatewayIdentityResolver;
import dev.switchboard.contract.IdentityResolverContract;
import dev.switchboard.contract.WebXml;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** {@code auth=custom} in GlassFish: the application's WAR carries its identity resolver. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishIdentityResolverIT extends DeployedWar implements IdentityResolverContract {

    @Deployment(testable = false)
    static WebArchive gatewayWar() throws IOException {
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.put("data.dir", Files.createTempDirectory("switchboard-gateway").toString());
        return ShrinkWrap.create(ZipImporter.class, "gateway.war").importFrom(war).as(WebArchive.class)
                .addClass(GatewayIdentityResolver.class)
                .setWebXML(new StringAsset(WebXml.withContextParameters(settings)));
    }
}
