package dev.switchboard.appserver;

import dev.switchboard.contract.RoomsBeanContract;
import dev.switchboard.example.ActivityLog;
import dev.switchboard.example.ActivityServlet;
import dev.switchboard.example.OrderUpdates;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.Map;

/**
 * The shipped WAR with an application's code beside it ({@link OrderUpdates}, which injects {@code Rooms}, and
 * {@link ActivityLog}, which observes Switchboard's CDI events), deployed by Arquillian into the application server of
 * the subclass's profile.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class RoomsBeanWar extends DeployedWar implements RoomsBeanContract {

    @Deployment(testable = false)
    static WebArchive shopWar() throws IOException {
        return shop();
    }

    /** The example application's WAR: ours, with its servlet and its observer. */
    public static WebArchive shop() throws IOException {
        return ShippedWar.withSettings("shop", Map.of(), OrderUpdates.class, ActivityLog.class,
                ActivityServlet.class);
    }
}
