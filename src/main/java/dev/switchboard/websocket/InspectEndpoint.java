package dev.switchboard.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.hub.Event;
import dev.switchboard.hub.Events;
import dev.switchboard.auth.Credentials;
import dev.switchboard.upgrade.PeerPorts;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /inspect}: on open, sends one {@code handshake} event describing this very connection as the server
 * saw it: the upgrade request's line and headers, the response status and headers, how
 * {@code Sec-WebSocket-Accept} follows from the key, and the TCP ports. Then it stays open and quiet.
 */
public final class InspectEndpoint extends Endpoint {

    public static final String PATH = PeerPorts.INSPECT_PATH;
    static final String REDACTED = "[redacted]";
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final String REPORT = InspectEndpoint.class.getName() + ".report";

    private final Connections connections;
    private Connection connection;

    InspectEndpoint(Connections connections) {
        this.connections = connections;
    }

    /** Builds the report while the handshake is answered, the only time request and response are visible. */
    static final class Configurator extends EndpointFactory {

        Configurator(Connections connections) {
            super(() -> new InspectEndpoint(connections));
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            super.modifyHandshake(config, request, response);
            config.getUserProperties().put(REPORT, report(request, response));
        }
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        connection = connections.openOrRefuse(session);
        if (connection == null) {
            return;
        }
        Object report = session.getUserProperties().get(REPORT);
        connection.outbound().offer(new Event(report != null ? report.toString()
                : config.getUserProperties().get(REPORT).toString()));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection != null) {
            connection.closed();
        }
    }

    /** Credentials are never shown: the report reaches page scripts. */
    private static String redacted(String name, List<String> values) {
        if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie")
                || name.equalsIgnoreCase("Proxy-Authorization")) {
            return REDACTED;
        }
        if (name.equalsIgnoreCase(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL)) {
            return String.join(", ", values.stream().flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::trim)
                    .map(protocol -> Credentials.isBearerSubprotocol(protocol) ? "bearer." + REDACTED : protocol)
                    .toList());
        }
        return String.join(", ", values);
    }

    static String report(HandshakeRequest request, HandshakeResponse response) {
        ObjectNode event = Events.JSON.createObjectNode().put("type", "handshake");
        String uri = request.getRequestURI().getRawPath()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        ObjectNode requestNode = event.putObject("request").put("line", "GET " + uri + " HTTP/1.1");
        ArrayNode requestHeaders = requestNode.putArray("headers");
        String localPort = null;
        String remotePort = null;
        String client = null;
        String key = null;
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            String value = String.join(", ", header.getValue());
            if (header.getKey().equalsIgnoreCase(PeerPorts.LOCAL_PORT_HEADER)) {
                localPort = value;
            } else if (header.getKey().equalsIgnoreCase(PeerPorts.REMOTE_PORT_HEADER)) {
                remotePort = value;
            } else if (header.getKey().equalsIgnoreCase(PeerPorts.CLIENT_ADDRESS_HEADER)) {
                client = value;
            } else {
                requestHeaders.addArray().add(header.getKey()).add(redacted(header.getKey(), header.getValue()));
                if (header.getKey().equalsIgnoreCase(HandshakeRequest.SEC_WEBSOCKET_KEY)) {
                    key = value;
                }
            }
        }
        ObjectNode responseNode = event.putObject("response").put("status", 101)
                .put("line", "HTTP/1.1 101 Switching Protocols");
        ArrayNode responseHeaders = responseNode.putArray("headers");
        String sentAccept = null;
        for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
            String value = String.join(", ", header.getValue());
            responseHeaders.addArray().add(header.getKey()).add(value);
            if (header.getKey().equalsIgnoreCase(HandshakeResponse.SEC_WEBSOCKET_ACCEPT)) {
                sentAccept = value;
            }
        }
        String computed = key == null ? null : accept(key);
        if (sentAccept == null && computed != null) {
            // Tomcat and Jetty add the switching headers after the application's modifyHandshake, so the response
            // it sees is empty. What they send is fixed by RFC 6455 §4.2.2; report that, and say it was completed.
            responseHeaders.addArray().add("Upgrade").add("websocket");
            responseHeaders.addArray().add("Connection").add("Upgrade");
            responseHeaders.addArray().add(HandshakeResponse.SEC_WEBSOCKET_ACCEPT).add(computed);
            responseNode.put("completed", "the container adds these after the application sees the response; "
                    + "they are what RFC 6455 section 4.2.2 makes it send");
            sentAccept = computed;
        }
        event.putObject("accept")
                .put("key", key)
                .put("guid", GUID)
                .put("formula", "base64(sha1(key + guid))")
                .put("computed", computed)
                .put("sent", sentAccept)
                .put("matches", computed != null && (sentAccept == null || computed.equals(sentAccept)));
        event.put("localPort", localPort == null ? null : Integer.valueOf(localPort));
        event.put("remotePort", remotePort == null ? null : Integer.valueOf(remotePort));
        event.put("client", client);
        try {
            return Events.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key.trim() + GUID)
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
