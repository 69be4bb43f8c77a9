package dev.switchboard.upgrade;

import dev.switchboard.auth.Access;
import dev.switchboard.auth.AuthenticationException;
import dev.switchboard.auth.Caller;
import dev.switchboard.hub.ChatRules;
import dev.switchboard.limits.OriginPolicy;
import dev.switchboard.proxy.ClientAddress;
import dev.switchboard.proxy.TrustedProxies;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Checks a WebSocket handshake request before any WebSocket container sees it, so that both runtimes refuse
 * bad handshakes with the same status: RFC 6455 §4.2.1 asks for 400 on a malformed request and 426 with
 * {@code Sec-WebSocket-Version: 13} on a version we do not speak; a foreign browser origin gets 403, a bad room,
 * name or since 400, and a full server 503. Requests that do not ask for {@code Upgrade: websocket} are not
 * handshakes and pass untouched.
 */
public final class HandshakeValidator {

    /** The only protocol version of RFC 6455. */
    public static final String WEBSOCKET_VERSION = "13";

    private static final String CHAT_PREFIX = "/chat/";

    private final OriginPolicy origins;
    private final Access access;
    private final IntConsumer onRefusal;
    private final TrustedProxies proxies;
    private final Predicate<String> hasRoomForAddress;

    /**
     * @param origins           which browser origins may connect
     * @param proxies           whose forwarding headers say who the client is
     * @param hasRoomForAddress whether one more connection from this client address is within the limits
     */
    public HandshakeValidator(OriginPolicy origins, Access access, TrustedProxies proxies,
            Predicate<String> hasRoomForAddress, IntConsumer onRefusal) {
        this.onRefusal = onRefusal;
        this.origins = origins;
        this.access = access;
        this.proxies = proxies;
        this.hasRoomForAddress = hasRoomForAddress;
    }

    /** Who the request came from: its peer, or the client a trusted proxy names. */
    public ClientAddress client(UpgradeRequest request) {
        return proxies.resolve(request.remoteAddress(), request.header("Forwarded"), request.header("X-Forwarded-For"),
                request.header("X-Forwarded-Proto"), request.secure());
    }

    /** True when the request asks to switch to WebSocket ({@code Upgrade} lists the token {@code websocket}). */
    public static boolean isWebSocketUpgrade(UpgradeRequest request) {
        return UpgradeTokens.has(request.header("Upgrade"), UpgradeTokens.WEBSOCKET);
    }

    /** Why this handshake is refused, or empty when it may go on to the WebSocket container. */
    public Optional<HandshakeRejection> check(UpgradeRequest request) {
        Optional<HandshakeRejection> rejection = decide(request);
        rejection.ifPresent(refused -> onRefusal.accept(refused.status()));
        return rejection;
    }

    private Optional<HandshakeRejection> decide(UpgradeRequest request) {
        if (!isWebSocketUpgrade(request)) {
            return Optional.empty();
        }
        ClientAddress client = client(request);
        return checkFormat(request)
                .or(() -> origins.refusal(request.header("Origin"), request.header("Host"),
                        "https".equals(client.scheme())).map(HandshakeRejection::forbidden))
                .or(() -> checkChatParameters(request))
                .or(() -> checkAccess(request))
                .or(() -> hasRoomForAddress.test(client.address()) ? Optional.empty()
                        : Optional.of(HandshakeRejection.unavailable("too many WebSocket connections; try later")));
    }

    private static Optional<HandshakeRejection> checkFormat(UpgradeRequest request) {
        if (!"GET".equals(request.method())) {
            return reject("a WebSocket handshake must be a GET request, not " + request.method());
        }
        if (!UpgradeTokens.has(request.header("Connection"), "upgrade")) {
            return reject("a WebSocket handshake needs the header Connection: Upgrade");
        }
        String version = request.header("Sec-WebSocket-Version");
        if (version == null || !WEBSOCKET_VERSION.equals(version.trim())) {
            return Optional.of(new HandshakeRejection(426, "Upgrade Required",
                    Map.of("Sec-WebSocket-Version", WEBSOCKET_VERSION),
                    "unsupported Sec-WebSocket-Version " + version + "; this server speaks version "
                            + WEBSOCKET_VERSION));
        }
        if (!isValidKey(request.header("Sec-WebSocket-Key"))) {
            return reject("Sec-WebSocket-Key must be the base64 encoding of 16 bytes");
        }
        return Optional.empty();
    }

    private Optional<HandshakeRejection> checkChatParameters(UpgradeRequest request) {
        String path = request.path();
        if (!path.startsWith(CHAT_PREFIX)) {
            return Optional.empty();
        }
        String room = path.substring(CHAT_PREFIX.length());
        String name = request.queryParameter("name");
        return (access.identifiesMembers() ? ChatRules.checkAddressNameOptional(room, name)
                : ChatRules.checkAddress(room, name))
                .or(() -> ChatRules.checkSince(request.queryParameter("since")))
                .map(HandshakeRejection::badRequest);
    }

    /** Who may join the room: refused before the upgrade, so no room is created for a stranger. */
    private Optional<HandshakeRejection> checkAccess(UpgradeRequest request) {
        String path = request.path();
        if (!path.startsWith(CHAT_PREFIX)) {
            return Optional.empty();
        }
        try {
            access.connect(new Caller(request::header, request::queryParameter, request.principal(),
                    request::isUserInRole), path.substring(CHAT_PREFIX.length()), request.queryParameter("name"));
            return Optional.empty();
        } catch (AuthenticationException e) {
            return Optional.of(HandshakeRejection.refused(e));
        }
    }

    private static boolean isValidKey(String key) {
        if (key == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key.trim()).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<HandshakeRejection> reject(String message) {
        return Optional.of(HandshakeRejection.badRequest(message));
    }
}
