package dev.switchboard.websocket;

import dev.switchboard.auth.Access;
import dev.switchboard.auth.AuthenticationException;
import dev.switchboard.auth.Caller;
import dev.switchboard.auth.Credentials;
import dev.switchboard.auth.Identity;
import dev.switchboard.auth.Permission;
import dev.switchboard.config.Settings;
import dev.switchboard.metrics.Meters;
import dev.switchboard.hub.Appended;
import dev.switchboard.hub.ChatRules;
import dev.switchboard.hub.Unavailable;
import dev.switchboard.hub.Events;
import dev.switchboard.hub.Hub;
import dev.switchboard.hub.InvalidMessageException;
import dev.switchboard.hub.Problem;
import dev.switchboard.hub.Room;
import dev.switchboard.limits.TokenBucket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /chat/{room}?name=NAME[&since=SEQ]}: one member of one room. Text frames carry JSON commands; every
 * room event comes back as a JSON text frame through the connection's bounded outbound queue.
 * <p>
 * One instance per connection, created by {@link WebSocketEndpoints} with the application's hub.
 */
public final class ChatEndpoint extends Endpoint {

    public static final String PATH = "/chat/{room}";

    private static final Problem RATE_LIMITED = new Problem("rate-limited",
            "you are sending faster than this room allows; this message was dropped");
    private static final Problem BINARY = new Problem("binary-unsupported", "send JSON commands as text frames");
    private static final Problem NOT_PUBLISHER = new Problem("forbidden", "your token does not let you say anything "
            + "in this room");
    private static final Problem NO_HISTORY = new Problem("forbidden", "your token does not let you read this room's "
            + "history; no messages from before you joined are sent");

    private final Hub hub;
    private final Access access;
    private volatile Identity identity;
    private final Connections connections;
    private final Settings settings;
    private Connection connection;
    private long openedAtNanos;
    private volatile Room room;
    private SessionMember member;
    private TokenBucket rate;
    private int rateLimitedInARow;
    /** The latest append this connection asked for; the engine completes them in order. */
    private CompletableFuture<Appended> lastPublish = CompletableFuture.completedFuture(null);

    ChatEndpoint(Hub hub, Access access, Connections connections, Settings settings) {
        this.hub = hub;
        this.access = access;
        this.connections = connections;
        this.settings = settings;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        String roomName = session.getPathParameters().get("room");
        String name = firstValue(session, "name");
        Optional<String> badAddress = (access.identifiesMembers() ? ChatRules.checkAddressNameOptional(roomName, name)
                : ChatRules.checkAddress(roomName, name))
                .or(() -> ChatRules.checkSince(firstValue(session, "since")))
                .or(() -> ChatRules.checkEpoch(firstValue(session, "epoch")));
        if (badAddress.isPresent()) {
            CloseReasons.close(session, CloseReason.CloseCodes.VIOLATED_POLICY, badAddress.get());
            return;
        }
        identity = (Identity) session.getUserProperties().get(Configurator.IDENTITY);
        if (identity == null) {
            identity = access.identifiesMembers() ? null : Identity.open(name);
        }
        if (identity == null) {
            // Our handshake check admitted it, and then the credentials did not pass here (a token expired between).
            CloseReasons.close(session, access.requiresToken() ? CloseReasons.TOKEN_EXPIRED
                    : CloseReason.CloseCodes.VIOLATED_POLICY, access.requiresToken() ? "token expired" : "not signed in");
            return;
        }
        connection = connections.openOrRefuse(session);
        if (connection == null) {
            return;
        }
        openedAtNanos = System.nanoTime();
        connections.log().opened("websocket", roomName, identity.name(), connection.remoteAddress());
        session.setMaxTextMessageBufferSize(settings.maxMessageBytes());
        session.setMaxBinaryMessageBufferSize(settings.maxMessageBytes());
        rate = new TokenBucket(settings.ratePerSecond(), settings.rateBurst(), System.nanoTime());
        member = new SessionMember(identity.name(), connection.outbound(),
                identity.allows(roomName, Permission.PRES), identity.expiresAt());
        identity.expiresAt().ifPresent(at -> connection.expiresAt(at, settings.auth().expiryGrace()));
        connection.onGone(this::leaveRoom);
        MessageSizeLimit limit = new MessageSizeLimit(settings.maxMessageBytes());
        TextMessages.handle(session, limit, this::onText, () -> connection.closeAfterFlush(
                CloseReason.CloseCodes.TOO_BIG, limit.reason(), settings.shutdownGrace()));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) frame -> {
            connection.heard();
            member.deliver(Events.error(BINARY));
        });
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> connection.heard());
        String since = firstValue(session, "since");
        boolean replayRefused = since != null && !identity.allows(roomName, Permission.HIST);
        room = connections.joinOrClose(connection, hub, roomName, member,
                since == null || replayRefused ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(since)),
                Optional.ofNullable(firstValue(session, "epoch")));
        if (room == null) {
            return;
        }
        // Silence is counted from when we listen: a join that waited on a cold engine is not the peer's idleness.
        connection.heard();
        if (replayRefused) {
            member.deliver(Events.error(NO_HISTORY));
        }
        if (connection.isGone()) {
            leaveRoom(); // it went while joining, maybe before the room was known: leaving twice is harmless
        }
    }

    private void leaveRoom() {
        Room joined = room;
        if (joined != null) {
            joined.leave(member);
        }
    }

    private void onText(String frame) {
        connection.heard();
        ChatCommand say;
        Problem malformed = null;
        try {
            say = ChatCommand.parse(frame);
        } catch (InvalidMessageException e) {
            say = null;
            malformed = e.problem();
        }
        // Parsed first (frames are bounded by max.message.bytes) so that every error names the say it is about.
        String id = say == null ? null : say.id();
        if (!rate.tryTake(System.nanoTime())) {
            if (++rateLimitedInARow >= settings.rateAbuseLimit()) {
                // What it said before is being made durable; it gets those messages before the close.
                connections.meters().rateLimitClosed();
                lastPublish.whenComplete((appended, failure) -> connection.closeAfterFlush(
                        CloseReason.CloseCodes.VIOLATED_POLICY, "rate limit exceeded", settings.shutdownGrace()));
            } else {
                member.deliver(Events.error(RATE_LIMITED, id));
            }
            return;
        }
        rateLimitedInARow = 0;
        if (malformed != null) {
            member.deliver(Events.error(malformed));
            return;
        }
        if (say.isRefresh()) {
            refresh(say.token());
            return;
        }
        if (!identity.allows(room.name(), Permission.PUB)) {
            member.deliver(Events.error(NOT_PUBLISHER, id));
            return;
        }
        try {
            lastPublish = room.publish(member.name(), say.text(), id);
            lastPublish.whenComplete((appended, failure) -> acknowledge(appended, failure, id));
        } catch (InvalidMessageException e) {
            member.deliver(Events.error(e.problem(), id));
        }
    }

    /**
     * A new token for this connection: the same subject (else close 4003), still granting the room; the
     * connection's expiry moves to the new token's and the client gets {@code refreshed}.
     */
    private void refresh(String token) {
        if (!access.requiresToken()) {
            member.deliver(Events.error(new Problem("invalid-token", "this server does not use tokens")));
            return;
        }
        Identity renewed;
        try {
            renewed = access.refresh(token, identity.name());
        } catch (AuthenticationException e) {
            if (e.status() == 403) {
                connection.closeAfterFlush(CloseReasons.TOKEN_REFUSED, "token refused: " + e.getMessage(),
                        settings.shutdownGrace());
            } else {
                member.deliver(Events.error(new Problem("invalid-token", e.getMessage())));
            }
            return;
        }
        if (!renewed.allows(room.name(), Permission.SUB)) {
            connection.closeAfterFlush(CloseReasons.TOKEN_REFUSED, "token refused: it does not grant this room",
                    settings.shutdownGrace());
            return;
        }
        identity = renewed;
        member.renew(renewed.expiresAt(), renewed.allows(room.name(), Permission.PRES));
        renewed.expiresAt().ifPresent(at -> {
            connection.expiresAt(at, settings.auth().expiryGrace());
            member.deliver(Events.refreshed(at));
        });
    }

    /** A new message reaches the sender with everyone; a repeat's original is sent to the sender alone. */
    private void acknowledge(Appended appended, Throwable failure, String id) {
        if (failure != null) {
            connections.meters().engineFailed(Meters.EngineOp.APPEND);
            member.deliver(Events.error(Unavailable.problem(failure), id));
        } else if (appended.duplicate()) {
            member.deliver(appended.message().event());
        } else {
            connections.meters().published(Meters.Transport.WEBSOCKET);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection != null) {
            connection.closed();
            connections.log().closed("websocket", session.getPathParameters().get("room"), identity.name(),
                    connection.remoteAddress(), closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase(),
                    openedAtNanos);
        }
    }

    /**
     * Builds the endpoint, answers the subprotocol {@value Credentials#SUBPROTOCOL} (never the token a browser
     * offered next to it), and keeps the identity our handshake check admitted.
     */
    static final class Configurator extends EndpointFactory {

        static final String IDENTITY = "switchboard.identity";
        private final Access access;

        Configurator(Hub hub, Access access, Connections connections, Settings settings) {
            super(() -> new ChatEndpoint(hub, access, connections, settings));
            this.access = access;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            super.modifyHandshake(config, request, response);
            if (!access.identifiesMembers()) {
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(request.getHeaders());
            String path = request.getRequestURI().getPath();
            String room = path.substring(path.lastIndexOf('/') + 1);
            try {
                config.getUserProperties().put(IDENTITY, access.connect(new Caller(
                        header -> join(headers.get(header)), parameter -> first(request.getParameterMap(), parameter),
                        request.getUserPrincipal(), request::isUserInRole), room, first(request.getParameterMap(), "name")));
            } catch (AuthenticationException e) {
                config.getUserProperties().remove(IDENTITY);
            }
        }

        private static String join(List<String> values) {
            return values == null || values.isEmpty() ? null : String.join(",", values);
        }

        private static String first(Map<String, List<String>> parameters, String name) {
            List<String> values = parameters.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private static String firstValue(Session session, String parameter) {
        List<String> values = session.getRequestParameterMap().get(parameter);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
