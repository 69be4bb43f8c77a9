package dev.switchboard.auth;

import dev.switchboard.config.AuthMode;
import dev.switchboard.config.AuthSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Who may connect and call, the one place every transport asks ({@code auth}, {@code api.keys}): the handshake check
 * of both runtimes, the chat endpoint, the line servlet and the HTTP API. In {@code open} mode a claimed name may do
 * anything (and the HTTP API is open unless API keys are set); in {@code token} mode a connection needs a token that
 * grants {@code sub} on its room, and the HTTP API a token or an API key.
 */
public final class Access {

    private static final Logger LOG = Logger.getLogger(Access.class.getName());

    private final AtomicBoolean warnedOpen = new AtomicBoolean();
    private final AuthMode mode;
    private final TokenVerifier tokens;
    private final RoleGrants roles;
    private final List<byte[]> apiKeys;
    private final IdentityResolver resolver;

    /** @throws IllegalArgumentException when {@code auth=token} has no usable key */
    public Access(AuthSettings settings) {
        this(settings, null);
    }

    /**
     * @param resolver who callers are in {@code auth=custom} (the application's); null in the other modes
     * @throws IllegalArgumentException when {@code auth=token} has no usable key, or custom mode has no resolver
     */
    public Access(AuthSettings settings, IdentityResolver resolver) {
        if (settings.mode() == AuthMode.CUSTOM && resolver == null) {
            throw new IllegalArgumentException("auth=custom needs an identity resolver");
        }
        this.resolver = resolver;
        this.mode = settings.mode();
        this.tokens = mode == AuthMode.TOKEN ? new TokenVerifier(settings) : null;
        this.roles = RoleGrants.parse(settings.roles());
        this.apiKeys = settings.apiKeys().stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public AuthMode mode() {
        return mode;
    }

    /** Whether connections must carry a token. */
    public boolean requiresToken() {
        return mode == AuthMode.TOKEN;
    }

    /** Whether credentials name the member (a token's sub, the container's principal), so {@code ?name=} is optional. */
    public boolean identifiesMembers() {
        return mode != AuthMode.OPEN;
    }

    /**
     * Who opens a WebSocket or line connection to a room.
     *
     * @param header      a request header's values joined with commas, or null
     * @param query       a query parameter's first value, or null
     * @param claimedName {@code ?name=}, or null
     * @throws AuthenticationException 401 without a valid token, 403 when the token does not grant the room or
     *                                 names someone else, 400 for a token in the URL
     */
    public Identity connect(Function<String, String> header, Function<String, String> query, String room,
            String claimedName) {
        return connect(Caller.of(header, query), room, claimedName);
    }

    /** As {@link #connect(Function, Function, String, String)}, with the container's principal for {@code container}. */
    public Identity connect(Caller caller, String room, String claimedName) {
        Identity identity;
        switch (mode) {
            case OPEN -> {
                return Identity.open(claimedName);
            }
            case CONTAINER -> identity = principal(caller);
            case CUSTOM -> identity = resolved(caller);
            default -> identity = tokens.verify(Credentials.bearer(caller.header(), caller.query())
                    .orElseThrow(() -> new AuthenticationException(401, "a token is required: send the subprotocol "
                            + "bearer.<token> or Authorization: Bearer <token>")));
        }
        String source = mode == AuthMode.TOKEN ? "the token" : "your sign-in";
        if (claimedName != null && !claimedName.equals(identity.name())) {
            throw new AuthenticationException(403, "name " + claimedName + " is not " + source + "'s name");
        }
        if (!identity.allows(room, Permission.SUB)) {
            throw new AuthenticationException(403, source + " does not grant room " + room);
        }
        return identity;
    }

    /** The container's authenticated principal, its roles mapped to rooms by {@code auth.roles}. */
    private Identity principal(Caller caller) {
        if (caller.principal() == null) {
            throw new AuthenticationException(401, "sign in first: this server takes the application server's login");
        }
        String name = caller.principal().getName();
        if (!dev.switchboard.hub.ChatRules.isValidName(name)) {
            throw new AuthenticationException(403, "the signed-in name is not a valid member name");
        }
        return new Identity(name, roles.grantsFor(caller.inRole()), java.util.Optional.empty(), false);
    }

    /** What the application's resolver says, held to the same rules as a token's subject. */
    private Identity resolved(Caller caller) {
        Identity identity = resolver.resolve(caller);
        if (identity == null || identity.name() == null) {
            throw new AuthenticationException(401, "not signed in");
        }
        if (!dev.switchboard.hub.ChatRules.isValidName(identity.name())) {
            throw new AuthenticationException(403, "the signed-in name is not a valid member name");
        }
        return identity;
    }

    /** A refreshed token for a live connection: verified, and the same subject. */
    public Identity refresh(String token, String name) {
        Identity identity = tokens.verify(token);
        if (!identity.name().equals(name)) {
            throw new AuthenticationException(403, "a refreshed token must name the same subject");
        }
        return identity;
    }

    /**
     * Who calls the HTTP API: an API key, a user token ({@code token} mode), or, in {@code open} mode, anybody.
     *
     * @throws AuthenticationException 401 for missing or bad credentials where they are needed
     */
    public Identity call(Function<String, String> header, Function<String, String> query) {
        return call(Caller.of(header, query));
    }

    /** As {@link #call(Function, Function)}, with the container's principal for {@code container}. */
    public Identity call(Caller caller) {
        Optional<String> bearer = Credentials.bearer(caller.header(), caller.query());
        if (bearer.isPresent() && isApiKey(bearer.get())) {
            return Identity.forApiKey();
        }
        if (mode == AuthMode.CONTAINER) {
            return principal(caller);
        }
        if (mode == AuthMode.CUSTOM) {
            return resolved(caller);
        }
        if (mode == AuthMode.TOKEN) {
            return tokens.verify(bearer.orElseThrow(() -> new AuthenticationException(401,
                    "the HTTP API needs Authorization: Bearer <API key or token>")));
        }
        if (bearer.isPresent()) {
            throw new AuthenticationException(401, "unknown API key");
        }
        return apiKeys.isEmpty() ? Identity.forApiKey() : Identity.open(null);
    }

    /**
     * A request arrived on this local address. In {@code open} mode on anything but loopback, says once, as a
     * warning, that anyone who reaches it can use any name: a WAR cannot know its bind address before requests come.
     */
    public void servedOn(String localAddress) {
        if (mode == AuthMode.OPEN && localAddress != null && !isLoopback(localAddress)
                && warnedOpen.compareAndSet(false, true)) {
            LOG.warning("auth=open and a request arrived on " + localAddress + ": anyone who reaches this "
                    + "application can use any name and read every room; set auth=token (see security.md)");
        }
    }

    /** Whether an address (literal or name) is this machine's loopback. */
    public static boolean isLoopback(String address) {
        return address.equals("localhost") || address.startsWith("127.") || address.equals("::1")
                || address.equals("[::1]") || address.equals("0:0:0:0:0:0:0:1");
    }

    /** Whether publishing over HTTP and listing rooms need an API key (they do once keys are set, or with tokens). */
    public boolean apiKeysRequired() {
        return mode != AuthMode.OPEN || !apiKeys.isEmpty();
    }

    private boolean isApiKey(String candidate) {
        byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : apiKeys) {
            match |= MessageDigest.isEqual(key, bytes); // constant time per key; every key is compared
        }
        return match;
    }
}
