package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.contract.GatewayIdentityResolver;
import dev.switchboard.contract.IdentityResolverContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

/** {@code auth=custom} in GlassFish: the application's WAR carries its identity resolver. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishIdentityResolverIT extends DeployedWar implements IdentityResolverContract {

    @Deployment(testable = false)
    static WebArchive gatewayWar() throws IOException {
        return ShippedWar.withSettings("gateway", SETTINGS, GatewayIdentityResolver.class);
    }
}
