package dev.switchboard.websocket;

import dev.switchboard.upgrade.PeerPorts;
import jakarta.websocket.Endpoint;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.function.Supplier;

/**
 * Hands the container a new endpoint per connection, built with the application's collaborators, and keeps the
 * client's address our handshake filter found (see {@link PeerPorts}) in the session's user properties.
 */
class EndpointFactory extends ServerEndpointConfig.Configurator {

    private final Supplier<? extends Endpoint> factory;

    EndpointFactory(Supplier<? extends Endpoint> factory) {
        this.factory = factory;
    }

    /** The user property that holds the client's address. */
    static final String CLIENT_ADDRESS = "switchboard.client.address";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        for (var header : request.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(PeerPorts.CLIENT_ADDRESS_HEADER)) {
                List<String> values = header.getValue();
                if (values != null && !values.isEmpty()) {
                    config.getUserProperties().put(CLIENT_ADDRESS, values.get(0));
                }
            }
        }
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(factory.get());
    }
}
