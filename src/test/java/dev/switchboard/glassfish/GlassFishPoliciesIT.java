package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.contract.MessagePolicyContract;
import dev.switchboard.contract.ModerationPolicy;
import dev.switchboard.contract.RoomPolicyContract;
import dev.switchboard.contract.StaffRoomsPolicy;
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

/** The message and room policy extension points in GlassFish: the application's WAR carries its policy classes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishPoliciesIT extends DeployedWar implements MessagePolicyContract, RoomPolicyContract {

    @Deployment(testable = false)
    static WebArchive moderatedWar() throws IOException {
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        Map<String, String> settings = new HashMap<>(MessagePolicyContract.SETTINGS);
        settings.putAll(RoomPolicyContract.SETTINGS);
        settings.put("data.dir", Files.createTempDirectory("switchboard-policy").toString());
        return ShrinkWrap.create(ZipImporter.class, "moderated.war").importFrom(war).as(WebArchive.class)
                .addClasses(ModerationPolicy.class, StaffRoomsPolicy.class)
                .setWebXML(new StringAsset(WebXml.withContextParameters(settings)));
    }
}
