package dev.switchboard.glassfish;

import dev.switchboard.conformance.AutobahnContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/** Autobahn against the WAR's {@code /echo} in GlassFish (its own Tyrus). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishAutobahnIT implements AutobahnContract {

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive shippedWar() {
        return GlassFishContractIT.shippedWar();
    }

    @Override
    public URI baseUri() {
        try {
            URI uri = deployment.toURI();
            return uri.getPath().endsWith("/") ? uri : URI.create(uri + "/");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String runtimeName() {
        return "glassfish";
    }
}
