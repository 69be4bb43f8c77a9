package dev.switchboard.config;

import java.util.Locale;

/**
 * Every setting Switchboard reads, with its default and meaning. Names are dotted ({@code history.size}); the
 * same setting is the system property {@code switchboard.history.size}, the environment variable
 * {@code SWITCHBOARD_HISTORY_SIZE}, the servlet context parameter {@code switchboard.history.size} (WAR) and the
 * launcher flag {@code --set history.size=...}. {@code src/docs/configuration.md} documents each one.
 */
public enum Setting {
    ENGINE("engine", "embedded",
            "where rooms are kept: embedded (SQLite in data.dir, durable, one node), redis (several nodes share rooms "
                    + "through redis.uri) or memory (nothing on disk; for tests and benchmarks)"),
    DATA_DIR("data.dir", "",
            "the embedded engine's directory; empty: switchboard-data in the launcher's working directory, or a "
                    + "directory of the application server's (see deploy/appserver/)"),
    REDIS_URI("redis.uri", "redis://127.0.0.1:6379/0",
            "the redis engine's server: redis://[:password@]host:port/db, or rediss:// for TLS"),
    REDIS_NODE_TIMEOUT("redis.node.timeout", "30s",
            "the redis engine lists a node's members for this long after its last heartbeat (a killed node's "
                    + "members leave then); nodes heartbeat every third of it"),
    NODE_ID("node.id", "",
            "this node's name in a cluster (presence, logs); empty: host name, process id and a random suffix"),
    AUTH("auth", "open",
            "who may connect: open (names are claimed, every room is open), token (every connection presents a JWT "
                    + "that grants rooms; see security.md), container (WAR only: the application server's principal, "
                    + "its roles mapped by auth.roles) or custom (the application's IdentityResolver, auth.resolver)"),
    AUTH_RESOLVER("auth.resolver", "",
            "custom mode: the class name of a dev.switchboard.auth.IdentityResolver (public, with a public "
                    + "no-argument constructor) that tells who each caller is and which rooms it may use"),
    AUTH_SECRET("auth.secret", "",
            "token mode: the HS256 key, at least 32 bytes; never logged (prefer the environment variable)"),
    AUTH_PUBLIC_KEY("auth.public.key", "",
            "token mode: a PEM file with the RS256 (RSA) or ES256 (EC P-256) public key tokens are signed for"),
    AUTH_JWKS_URI("auth.jwks.uri", "",
            "token mode: an https URL of a JWK Set (RS256/ES256 keys by kid), cached, fetched again for an unknown "
                    + "key id at most every 10 s"),
    AUTH_AUDIENCE("auth.audience", "", "token mode: the aud a token must carry; empty: any"),
    AUTH_ISSUER("auth.issuer", "", "token mode: the iss a token must carry; empty: any"),
    AUTH_ROLES("auth.roles", "",
            "container mode: roles to room permissions, ROLE:ROOM=PERMS;... (e.g. chat-user:lobby=sub,pub,hist,pres;"
                    + "chat-admin:*=sub,pub,hist,pres); ROOM may end in *"),
    AUTH_EXPIRY_GRACE("auth.expiry.grace", "25s",
            "token mode: how long a connection outlives its token's exp (time to refresh) before close 4001"),
    API_KEYS("api.keys", "",
            "comma-separated keys for server-side callers of the HTTP API (Authorization: Bearer KEY); set, or with "
                    + "auth=token, publishing and listing rooms need one; never logged"),
    METRICS("metrics", "open",
            "who may read GET /metrics (Prometheus text): open, api-key (Authorization: Bearer with one of api.keys) "
                    + "or off (nothing is counted then)"),
    HISTORY_SIZE("history.size", "1000", "messages each room keeps for history and recovery"),
    WELCOME_MEMBERS_MAX("welcome.members.max", "100",
            "most names a welcome lists (the first to arrive); membersTotal says how many are present, and "
                    + "GET /api/rooms/{room}/members lists them all"),
    PRESENCE_EVENTS_MAX_MEMBERS("presence.events.max.members", "1000",
            "a room announces join and leave while it has at most this many members (counting the one arriving or "
                    + "leaving); a larger room announces none: each arrival would be news to every member, which "
                    + "makes a reconnect storm quadratic. welcome's membersTotal and GET /api/rooms/{room}/members "
                    + "still tell who is there"),
    MAX_ROOMS("max.rooms", "10000",
            "rooms that may exist (in the engine: on disk or in Redis too); past it a new room is refused (HTTP 503, "
                    + "close 1013), existing rooms carry on"),
    ROOM_IDLE_TIMEOUT("room.idle.timeout", "5m",
            "a room with no members on this node and no message or join for this long leaves memory (a durable "
                    + "engine keeps its history; the memory engine forgets it)"),
    HISTORY_MEMORY_MAX_BYTES("history.memory.max.bytes", "67108864",
            "what the histories of every open room may hold in the JVM together; past it, rooms nobody is in "
                    + "leave memory first, then the oldest messages of the least active rooms"),
    MAX_MESSAGE_BYTES("max.message.bytes", "65536", "largest WebSocket message; larger ones are closed with 1009"),
    QUEUE_MAX_BYTES("queue.max.bytes", "1048576",
            "outbound bytes one connection may have waiting before it is closed as a slow consumer"),
    QUEUE_MAX_MESSAGES("queue.max.messages", "4096",
            "outbound messages one connection may have waiting before it is closed as a slow consumer"),
    ALLOWED_ORIGINS("allowed.origins", "",
            "comma-separated browser origins allowed to open WebSockets (e.g. https://chat.example.com); "
                    + "empty: the Origin must match the Host; *: any"),
    REQUIRE_ORIGIN("require.origin", "false", "refuse WebSocket handshakes that carry no Origin header"),
    MAX_CONNECTIONS("max.connections", "10000", "connections (WebSocket and line) this node accepts in all"),
    MAX_CONNECTIONS_PER_ADDRESS("max.connections.per.address", "1000",
            "connections (WebSocket and line) accepted from one remote address"),
    PUBLISH_RATE_PER_SECOND("publish.rate.per.second", "50",
            "HTTP publishes (POST /api/rooms/{room}/messages) per second from one address, on average; past it 429 "
                    + "with Retry-After"),
    PUBLISH_RATE_BURST("publish.rate.burst", "200", "HTTP publishes one address may make in a burst"),
    TRUSTED_PROXIES("trusted.proxies", "",
            "comma-separated addresses and CIDR blocks of reverse proxies (e.g. 127.0.0.1,10.0.0.0/8): only from them "
                    + "are Forwarded, X-Forwarded-For (right-most untrusted hop) and X-Forwarded-Proto read, for the "
                    + "limits, the origin check, /inspect and the logs; empty: nobody"),
    RATE_PER_SECOND("rate.per.second", "20", "messages per second one connection may send, on average"),
    RATE_BURST("rate.burst", "40", "messages one connection may send in a burst"),
    RATE_ABUSE_LIMIT("rate.abuse.limit", "40",
            "rate-limited messages in a row after which the connection is closed with 1008"),
    PING_INTERVAL("ping.interval", "25s", "how often the server pings each WebSocket"),
    IDLE_TIMEOUT("idle.timeout", "60s",
            "a WebSocket that sends nothing (not even a pong) for this long is closed and its member leaves"),
    HTTP_IDLE_TIMEOUT("http.idle.timeout", "30s",
            "launcher only: idle HTTP keep-alive connections are closed after this long (upgraded ones are exempt)"),
    HTTP_HEADER_TIMEOUT("http.header.timeout", "10s",
            "launcher only: a request's line and headers must have arrived this long after its first byte; "
                    + "otherwise 408 and the connection is closed"),
    TLS_CERT("tls.cert", "",
            "launcher only: a PEM file with the server certificate and its chain (leaf first); with tls.key the port "
                    + "speaks https:// and wss:// only (TLS 1.2 and 1.3); a changed file is picked up by new "
                    + "connections"),
    TLS_KEY("tls.key", "",
            "launcher only: the PEM file with tls.cert's private key (PKCS#8, PKCS#1 or SEC1, unencrypted: protect it "
                    + "with file permissions)"),
    TLS_KEYSTORE("tls.keystore", "",
            "launcher only: a PKCS#12 keystore with the certificate chain and key, instead of tls.cert and tls.key"),
    TLS_KEYSTORE_PASSWORD("tls.keystore.password", "",
            "launcher only: tls.keystore's password; never logged (prefer the environment variable)"),
    LOG_CONNECTIONS("log.connections", "true",
            "one log line per connection opened and closed (who, room, client address, close code and reason, "
                    + "duration; never a token), on the logger dev.switchboard.connections at INFO"),
    LOG_FORMAT("log.format", "text",
            "launcher only: text, or json for one JSON object per log line (time, level, logger, message, and a "
                    + "connection's fields)"),
    PERMESSAGE_DEFLATE("permessage.deflate", "false",
            "launcher only: negotiate permessage-deflate (RFC 7692) on /chat and /echo; costs memory per connection"),
    MESSAGE_POLICY("message.policy", "",
            "the class name of a dev.switchboard.hub.MessagePolicy (public, with a public no-argument constructor, on "
                    + "the application's class path) that reviews every message before it takes a seq: it may let it "
                    + "through, rewrite it or refuse it (code rejected; HTTP 422); empty lets every message through"),
    PATH_PREFIX("path.prefix", "/switchboard",
            "where the module's endpoints, HTTP API and pages live inside an application's WAR (/chat/{room} becomes "
                    + "/switchboard/chat/{room}); / puts them at the context root, as Switchboard's own WAR does "
                    + "(its switchboard.properties says so); the launcher always serves them at /"),
    ROOM_POLICY("room.policy", "",
            "the class name of a dev.switchboard.hub.RoomPolicy (public, with a public no-argument constructor) that "
                    + "decides who may create which rooms: a refused join is closed with 4003, a refused publish "
                    + "answered 403; rooms that exist are not asked about; empty lets anyone create any room"),
    SHUTDOWN_GRACE("shutdown.grace", "5s",
            "on shutdown or undeploy, how long members get to receive their queued messages before close 1001; also "
                    + "how long a connection closed for rate-limit abuse (1008) or an oversized message (1009) gets to "
                    + "receive what was queued before it");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The dotted name, e.g. {@code history.size}. */
    public String key() {
        return key;
    }

    public String systemProperty() {
        return "switchboard." + key;
    }

    public String environmentVariable() {
        return "SWITCHBOARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The setting with this dotted name. */
    public static Setting byKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        throw new InvalidSettingException("unknown setting '" + key + "'");
    }
}
