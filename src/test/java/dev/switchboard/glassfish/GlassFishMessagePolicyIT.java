package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.contract.MessagePolicyContract;
import dev.switchboard.contract.ModerationPolicy;
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

/** The message policy extension point in GlassFish: the application's WAR carries its policy class. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishMessagePolicyIT extends DeployedWar implements MessagePolicyContract {

    @Deployment(testable = false)
    static WebArchive moderatedWar() throws IOException {
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.put("data.dir", Files.createTempDirectory("switchboard-policy").toString());
        return ShrinkWrap.create(ZipImporter.class, "moderated.war").importFrom(war).as(WebArchive.class)
                .addClass(ModerationPolicy.class)
                .setWebXML(new StringAsset(WebXml.withContextParameters(settings)));
    }
}
