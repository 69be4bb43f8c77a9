package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import dev.switchboard.conformance.AutobahnContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Autobahn against the WAR's {@code /echo} in GlassFish (its own Tyrus). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishAutobahnIT extends DeployedWar implements AutobahnContract {

    /** Tyrus in GlassFish takes frames up to 4 MiB unless told otherwise; group 9 sends one of 16 MiB. */
    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <context-param>
                <param-name>org.glassfish.tyrus.servlet.incoming-buffer-size</param-name>
                <param-value>33554432</param-value>
              </context-param>
            </web-app>
            """;

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return GlassFishContractIT.shippedWar().setWebXML(new StringAsset(WEB_XML));
    }

    @Override
    public String runtimeName() {
        return "glassfish";
    }
}
