package dev.switchboard.appserver;

import dev.switchboard.contract.RoomsBeanContract;
import dev.switchboard.example.ActivityLog;
import dev.switchboard.example.OrderUpdates;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.Map;

/**
 * The example application ({@link ExampleApplication}: {@link OrderUpdates}, which injects {@code Rooms},
 * {@link ActivityLog}, which observes Switchboard's CDI events, its own endpoint and policy, and the module), deployed
 * by Arquillian into the application server of the subclass's profile.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class RoomsBeanWar extends DeployedWar implements RoomsBeanContract {

    @Deployment(testable = false)
    static WebArchive shopWar() throws IOException {
        return shop();
    }

    /** The example application's WAR, built on the module (see {@link ExampleApplication}). */
    public static WebArchive shop() throws IOException {
        return ExampleApplication.war("shop", Map.of());
    }
}
