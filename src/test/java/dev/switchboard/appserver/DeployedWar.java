package dev.switchboard.appserver;

import dev.switchboard.contract.ServerUnderTest;
import org.jboss.arquillian.test.api.ArquillianResource;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * The WAR as Arquillian deployed it (GlassFish, Tomcat, WildFly, Jetty): its base URI is the context root, with a
 * trailing slash.
 */
public abstract class DeployedWar implements ServerUnderTest {

    @ArquillianResource
    private URL deployment;

    @Override
    public URI baseUri() {
        try {
            URI uri = deployment.toURI();
            return uri.getPath().endsWith("/") ? uri : URI.create(uri + "/");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
