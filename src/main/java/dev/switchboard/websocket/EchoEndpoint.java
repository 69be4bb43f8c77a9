package dev.switchboard.websocket;

import dev.switchboard.hub.Event;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * {@code /echo}: sends every text and binary message back unchanged, fragmented messages included (they come back
 * whole). Messages over the size limit are closed with 1009. Used by conformance runs and benchmarks.
 * <p>
 * Fragments are gathered up to the limit and the echo goes out through the connection's bounded queue with an
 * asynchronous send, like chat events: a client that does not read its echoes never blocks a container thread,
 * it is closed as a slow consumer.
 */
public final class EchoEndpoint extends Endpoint {

    public static final String PATH = "/echo";

    private final Connections connections;
    private final int maxMessageBytes;
    private final Duration closeGrace;
    private Connection connection;
    private final MessageSizeLimit limit;
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    /** @param closeGrace how long a peer closed for an oversized message gets to read the echoes before it */
    EchoEndpoint(Connections connections, int maxMessageBytes, Duration closeGrace) {
        this.connections = connections;
        this.maxMessageBytes = maxMessageBytes;
        this.closeGrace = closeGrace;
        this.limit = new MessageSizeLimit(maxMessageBytes);
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        connection = connections.openOrRefuse(session);
        if (connection == null) {
            return;
        }
        session.setMaxTextMessageBufferSize(maxMessageBytes);
        session.setMaxBinaryMessageBufferSize(maxMessageBytes);
        TextMessages.handle(session, limit, message -> {
            connection.heard();
            connection.outbound().offer(new Event(message));
        }, () -> {
            connection.heard();
            tooBig();
        });
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) -> {
            if (withinLimit(part.remaining())) {
                byte[] bytes = new byte[part.remaining()];
                part.get(bytes);
                binary.writeBytes(bytes);
                if (last) {
                    connection.outbound().offer(ByteBuffer.wrap(binary.toByteArray()));
                    binary.reset();
                    limit.reset();
                }
            }
        });
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> connection.heard());
    }

    private boolean withinLimit(long partBytes) {
        connection.heard();
        if (!limit.add(partBytes)) {
            tooBig();
            return false;
        }
        return true;
    }

    private void tooBig() {
        binary.reset();
        connection.closeAfterFlush(CloseReason.CloseCodes.TOO_BIG, limit.reason(), closeGrace);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection != null) {
            connection.closed();
        }
    }
}
