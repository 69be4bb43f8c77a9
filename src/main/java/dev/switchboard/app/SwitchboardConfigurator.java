package dev.switchboard.app;

import dev.switchboard.websocket.RoomMembership;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The configurator an application's own {@code @ServerEndpoint} names to use Switchboard's rooms: it hands each
 * session the application's running Switchboard, which {@link RoomMembership#join} then uses. The container makes
 * it (a public no-argument constructor); it keeps nothing per connection.
 */
public class SwitchboardConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        RunningSwitchboard.get().ifPresent(running -> {
            // The same two objects for every handshake of this application, so sharing the config's map is safe.
            config.getUserProperties().put(RoomMembership.HUB, running.hub());
            config.getUserProperties().put(RoomMembership.CONNECTIONS, running.connections());
        });
    }
}
