package dev.switchboard.appserver;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;

/**
 * A test class against Switchboard embedded in the example application ({@link ExampleApplication}) with the
 * contract's settings, deployed by Arquillian into the application server of the subclass's profile: the base URI
 * is the module's prefix, {@code /shop/switchboard/}, so the contract runs there unchanged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ExampleContractWar extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive exampleWar() throws IOException {
        return ExampleApplication.war("shop", ShippedWar.contractSettings());
    }

    @Override
    public URI baseUri() {
        return super.baseUri().resolve(ExampleApplication.SWITCHBOARD_PATH);
    }
}
