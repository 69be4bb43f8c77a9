package dev.switchboard.websocket;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.function.Supplier;

/** Hands the container a new endpoint per connection, built with the application's collaborators. */
class EndpointFactory extends ServerEndpointConfig.Configurator {

    private final Supplier<? extends Endpoint> factory;

    EndpointFactory(Supplier<? extends Endpoint> factory) {
        this.factory = factory;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(factory.get());
    }
}
