package dev.switchboard.websocket;

import dev.switchboard.hub.Hub;
import dev.switchboard.hub.Presence;
import dev.switchboard.hub.Room;
import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * An application's own WebSocket endpoint in a Switchboard room: the session becomes a member, gets every room event
 * as a JSON text frame (the chat protocol's {@code welcome}, {@code message}, {@code join}, {@code leave}) through a
 * bounded outbound queue, is pinged and closed when silent or too slow to read, and counts in the connection limits,
 * exactly like a connection to {@code /chat/{room}}.
 * <pre>{@code
 * @ServerEndpoint(value = "/lobby/{table}", configurator = SwitchboardConfigurator.class)
 * public class LobbyEndpoint {
 *     private RoomMembership membership;
 *
 *     @OnOpen
 *     public void open(Session session, @PathParam("table") String table) {
 *         membership = RoomMembership.join(session, "lobby-" + table, "player-" + session.getId()).orElse(null);
 *     }
 *
 *     @OnMessage
 *     public void message(String text) {
 *         membership.say(text);
 *     }
 *
 *     @OnClose
 *     public void close() {
 *         if (membership != null) membership.leave();
 *     }
 * }
 * }</pre>
 * The endpoint must name {@code dev.switchboard.app.SwitchboardConfigurator}, which hands it the application's
 * Switchboard. Room names and member names follow the chat protocol's rules; a message goes through the
 * application's message policy like any other.
 */
public final class RoomMembership {

    /** User properties the configurator sets: the hub and the connections of the running Switchboard. */
    public static final String HUB = "switchboard.hub";
    public static final String CONNECTIONS = "switchboard.connections";

    private final Connection connection;
    private final SessionMember member;
    private final Room room;

    private RoomMembership(Connection connection, SessionMember member, Room room) {
        this.connection = connection;
        this.member = member;
        this.room = room;
    }

    /**
     * Joins {@code room} as {@code name}. Empty when the session was closed instead, with the code and reason a
     * {@code /chat} connection would get: 1013 (too many connections or rooms, or the engine is down), 4003 (the
     * room policy refused the room), 1008 (an invalid room or member name).
     *
     * @throws IllegalStateException when the endpoint was not configured by {@code SwitchboardConfigurator}
     */
    public static Optional<RoomMembership> join(Session session, String room, String name) {
        Object hub = session.getUserProperties().get(HUB);
        Object connections = session.getUserProperties().get(CONNECTIONS);
        if (!(hub instanceof Hub joinedHub) || !(connections instanceof Connections registry)) {
            throw new IllegalStateException("the endpoint needs configurator = "
                    + "dev.switchboard.app.SwitchboardConfigurator.class in its @ServerEndpoint, and Switchboard "
                    + "running in this application");
        }
        Optional<String> badAddress = dev.switchboard.hub.ChatRules.checkAddress(room, name);
        if (badAddress.isPresent()) {
            CloseReasons.close(session, CloseReason.CloseCodes.VIOLATED_POLICY, badAddress.get());
            return Optional.empty();
        }
        Connection connection = registry.openOrRefuse(session);
        if (connection == null) {
            return Optional.empty();
        }
        SessionMember member = new SessionMember(name, connection.outbound(), true, Optional.empty());
        Room joined = registry.joinOrClose(connection, joinedHub, room, member, OptionalLong.empty(), Optional.empty());
        if (joined == null) {
            return Optional.empty();
        }
        connection.heard();
        connection.onGone(() -> joined.leave(member));
        if (connection.isGone()) {
            joined.leave(member);
        }
        try {
            session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> connection.heard());
        } catch (IllegalStateException endpointHandlesPongs) {
            // The endpoint has its own @OnMessage for pongs; say() still counts as hearing from the peer.
        }
        return Optional.of(new RoomMembership(connection, member, joined));
    }

    /** The room's name. */
    public String room() {
        return room.name();
    }

    /** The member's name. */
    public String name() {
        return member.name();
    }

    /**
     * Says {@code text} in the room as this member. Completes with the message's seq once it is durable; fails with
     * {@link dev.switchboard.hub.InvalidMessageException} (empty, too long, refused by the message policy) or
     * {@link dev.switchboard.hub.EngineUnavailableException}. Every member, this one included, receives it as a {@code message} event.
     */
    public CompletionStage<Long> say(String text) {
        connection.heard();
        try {
            return room.publish(member.name(), text, null).thenApply(appended -> appended.message().seq());
        } catch (dev.switchboard.hub.InvalidMessageException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /** Who is in the room now, with their connection counts. */
    public List<Presence> presence() {
        return room.presence();
    }

    /** The session closed: the member leaves the room and the connection is released. Call it from {@code @OnClose}. */
    public void leave() {
        connection.closed();
    }
}
