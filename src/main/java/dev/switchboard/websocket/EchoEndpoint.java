package dev.switchboard.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * {@code /echo}: sends every text and binary message back unchanged, frame by frame, so fragmented messages
 * come back fragmented. Messages over the size limit are closed with 1009. Used by conformance runs and
 * benchmarks.
 */
public final class EchoEndpoint extends Endpoint {

    public static final String PATH = "/echo";

    private final Connections connections;
    private final int maxMessageBytes;
    private Connection connection;
    /** Bytes of the message being received so far; partial frames of one message arrive in order. */
    private long messageBytes;

    EchoEndpoint(Connections connections, int maxMessageBytes) {
        this.connections = connections;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        connection = connections.openOrRefuse(session);
        if (connection == null) {
            return;
        }
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> {
            if (withinLimit(session, Utf8.length(part), last)) {
                echo(session, () -> session.getBasicRemote().sendText(part, last));
            }
        });
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) -> {
            if (withinLimit(session, part.remaining(), last)) {
                echo(session, () -> session.getBasicRemote().sendBinary(part, last));
            }
        });
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> connection.heard());
    }

    private boolean withinLimit(Session session, long partBytes, boolean last) {
        connection.heard();
        messageBytes += partBytes;
        if (messageBytes > maxMessageBytes) {
            CloseReasons.close(session, CloseReason.CloseCodes.TOO_BIG,
                    "message over " + maxMessageBytes + " bytes");
            return false;
        }
        if (last) {
            messageBytes = 0;
        }
        return true;
    }

    private interface Send {
        void run() throws IOException;
    }

    private static void echo(Session session, Send send) {
        try {
            send.run();
        } catch (IOException e) {
            CloseReasons.close(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "echo failed");
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection != null) {
            connection.closed();
        }
    }
}
