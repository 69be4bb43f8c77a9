package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.contract.MessagePolicyContract;
import dev.switchboard.contract.ModerationPolicy;
import dev.switchboard.contract.RoomPolicyContract;
import dev.switchboard.contract.StaffRoomsPolicy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The message and room policy extension points in GlassFish: the application's WAR carries its policy classes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishPoliciesIT extends DeployedWar implements MessagePolicyContract, RoomPolicyContract {

    @Deployment(testable = false)
    static WebArchive moderatedWar() throws IOException {
        Map<String, String> settings = new HashMap<>(MessagePolicyContract.SETTINGS);
        settings.putAll(RoomPolicyContract.SETTINGS);
        return ShippedWar.withSettings("moderated", settings, ModerationPolicy.class, StaffRoomsPolicy.class);
    }
}
