package dev.switchboard.websocket;

import dev.switchboard.hub.ChatRules;
import dev.switchboard.hub.Events;
import dev.switchboard.hub.Hub;
import dev.switchboard.hub.InvalidMessageException;
import dev.switchboard.hub.Problem;
import dev.switchboard.hub.Room;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * {@code /chat/{room}?name=NAME}: one member of one room. Text frames carry JSON commands; every room event
 * comes back as a JSON text frame through the member's bounded {@link OutboundQueue}.
 * <p>
 * One instance per connection, created by {@link WebSocketEndpoints} with the application's hub.
 */
public final class ChatEndpoint extends Endpoint {

    public static final String PATH = "/chat/{room}";

    private final Hub hub;
    private final OpenSessions openSessions;
    private final WebSocketSettings settings;
    private Room room;
    private SessionMember member;

    ChatEndpoint(Hub hub, OpenSessions openSessions, WebSocketSettings settings) {
        this.hub = hub;
        this.openSessions = openSessions;
        this.settings = settings;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        String roomName = session.getPathParameters().get("room");
        String name = firstValue(session.getRequestParameterMap().get("name"));
        Optional<String> badAddress = ChatRules.checkAddress(roomName, name);
        if (badAddress.isPresent()) {
            CloseReasons.close(session, CloseReason.CloseCodes.VIOLATED_POLICY, badAddress.get());
            return;
        }
        openSessions.add(session);
        session.setMaxTextMessageBufferSize(settings.maxMessageBytes());
        session.setMaxBinaryMessageBufferSize(settings.maxMessageBytes());
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) frame -> onText(session, frame));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) frame -> member.deliver(
                Events.error(new Problem("binary-unsupported", "send JSON commands as text frames"))));
        room = hub.room(roomName);
        member = new SessionMember(name, new OutboundQueue(session, settings.queueLimits(), settings.closer()));
        room.join(member);
    }

    private void onText(Session session, String frame) {
        try {
            ChatCommand command = ChatCommand.parse(frame);
            room.publish(member.name(), command.text());
        } catch (InvalidMessageException e) {
            member.deliver(Events.error(e.problem()));
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        openSessions.remove(session);
        if (member != null) {
            room.leave(member);
        }
    }

    private static String firstValue(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
