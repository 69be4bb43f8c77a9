package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.contract.WebXml;
import dev.switchboard.contract.ResourceLimitsContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** The limits that need small settings, against the WAR in GlassFish deployed with them and an empty store. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlassFishResourceLimitsIT extends DeployedWar implements ResourceLimitsContract {

    @Deployment(testable = false)
    static WebArchive limitedWar() throws IOException {
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.put("data.dir", Files.createTempDirectory("switchboard-limits").toString());
        return ShrinkWrap.create(ZipImporter.class, "limited.war").importFrom(war).as(WebArchive.class)
                .setWebXML(new StringAsset(WebXml.withContextParameters(settings)));
    }
}
