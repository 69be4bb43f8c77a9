package dev.switchboard.websocket;

import dev.switchboard.auth.Access;
import dev.switchboard.auth.Credentials;
import dev.switchboard.config.Settings;
import dev.switchboard.hub.Hub;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * Deploys our endpoints into a Jakarta WebSocket container: the application server's in the WAR, Tyrus's in
 * the launcher. They are deployed programmatically rather than found by annotation scanning so that every
 * instance gets this application's hub without static state (Tyrus ignores a configurator instance given for
 * an annotated class).
 */
public final class WebSocketEndpoints {

    private WebSocketEndpoints() {
    }

    /**
     * @param pathPrefix where our paths start under the context root: "" or e.g. {@code /switchboard}
     * @param extensions WebSocket extensions offered on {@code /chat} and {@code /echo} (the launcher's
     *                   permessage-deflate when it is switched on), or none
     */
    public static void deploy(ServerContainer container, String pathPrefix, Hub hub, Access access, Connections connections,
                              Settings settings, List<Extension> extensions) throws DeploymentException {
        container.addEndpoint(ServerEndpointConfig.Builder.create(ChatEndpoint.class, pathPrefix + ChatEndpoint.PATH)
                .configurator(new ChatEndpoint.Configurator(hub, access, connections, settings))
                .subprotocols(List.of(Credentials.SUBPROTOCOL))
                .extensions(extensions)
                .build());
        container.addEndpoint(ServerEndpointConfig.Builder.create(EchoEndpoint.class, pathPrefix + EchoEndpoint.PATH)
                .configurator(new EndpointFactory(() -> new EchoEndpoint(connections, settings.maxMessageBytes(),
                        settings.shutdownGrace())))
                .extensions(extensions)
                .build());
        container.addEndpoint(ServerEndpointConfig.Builder.create(InspectEndpoint.class, pathPrefix + InspectEndpoint.PATH)
                .configurator(new InspectEndpoint.Configurator(connections))
                .build());
    }
}
