package dev.switchboard.config;

import dev.switchboard.proxy.TrustedProxies;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Switchboard's configuration, read once at start from a {@link SettingsSource}; every value is checked then,
 * so a bad one stops the start with a message naming the setting.
 */
public record Settings(
        EngineKind engine,
        String dataDir,
        String redisUri,
        Duration redisNodeTimeout,
        String nodeId,
        AuthSettings auth,
        String metrics,
        int historySize,
        int welcomeMembersMax,
        int presenceEventsMaxMembers,
        int maxRooms,
        Duration roomIdleTimeout,
        long historyMemoryMaxBytes,
        int maxMessageBytes,
        long queueMaxBytes,
        int queueMaxMessages,
        Set<String> allowedOrigins,
        boolean requireOrigin,
        int maxConnections,
        int maxConnectionsPerAddress,
        double publishRatePerSecond,
        int publishRateBurst,
        TrustedProxies trustedProxies,
        double ratePerSecond,
        int rateBurst,
        int rateAbuseLimit,
        Duration pingInterval,
        Duration idleTimeout,
        Duration httpIdleTimeout,
        Duration httpHeaderTimeout,
        TlsSettings tls,
        boolean logConnections,
        String logFormat,
        boolean permessageDeflate,
        Duration shutdownGrace,
        String messagePolicy,
        String roomPolicy,
        String pathPrefix) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    /** All defaults. */
    public static Settings defaults() {
        return load(setting -> java.util.Optional.empty());
    }

    /** Reads and checks every setting. */
    public static Settings load(SettingsSource source) {
        Reader reader = new Reader(source);
        Settings settings = new Settings(
                reader.choice(Setting.ENGINE, EngineKind.values(), EngineKind::key),
                reader.text(Setting.DATA_DIR),
                reader.redisUri(Setting.REDIS_URI),
                reader.duration(Setting.REDIS_NODE_TIMEOUT),
                reader.nodeId(Setting.NODE_ID),
                reader.auth(),
                reader.oneOf(Setting.METRICS, "open", "api-key", "off"),
                reader.integer(Setting.HISTORY_SIZE, 1, 1_000_000),
                reader.integer(Setting.WELCOME_MEMBERS_MAX, 0, 1_000_000),
                reader.integer(Setting.PRESENCE_EVENTS_MAX_MEMBERS, 0, 100_000_000),
                reader.integer(Setting.MAX_ROOMS, 1, 100_000_000),
                reader.duration(Setting.ROOM_IDLE_TIMEOUT),
                reader.integer(Setting.HISTORY_MEMORY_MAX_BYTES, 65_536, Integer.MAX_VALUE),
                reader.integer(Setting.MAX_MESSAGE_BYTES, 1024, 64 * 1024 * 1024),
                reader.integer(Setting.QUEUE_MAX_BYTES, 1024, Integer.MAX_VALUE),
                reader.integer(Setting.QUEUE_MAX_MESSAGES, 1, 10_000_000),
                reader.origins(Setting.ALLOWED_ORIGINS),
                reader.bool(Setting.REQUIRE_ORIGIN),
                reader.integer(Setting.MAX_CONNECTIONS, 1, 10_000_000),
                reader.integer(Setting.MAX_CONNECTIONS_PER_ADDRESS, 1, 10_000_000),
                reader.integer(Setting.PUBLISH_RATE_PER_SECOND, 1, 10_000_000),
                reader.integer(Setting.PUBLISH_RATE_BURST, 1, 10_000_000),
                reader.trustedProxies(Setting.TRUSTED_PROXIES),
                reader.integer(Setting.RATE_PER_SECOND, 1, 1_000_000),
                reader.integer(Setting.RATE_BURST, 1, 1_000_000),
                reader.integer(Setting.RATE_ABUSE_LIMIT, 1, 1_000_000),
                reader.duration(Setting.PING_INTERVAL),
                reader.duration(Setting.IDLE_TIMEOUT),
                reader.duration(Setting.HTTP_IDLE_TIMEOUT),
                reader.duration(Setting.HTTP_HEADER_TIMEOUT),
                reader.tls(),
                reader.bool(Setting.LOG_CONNECTIONS),
                reader.oneOf(Setting.LOG_FORMAT, "text", "json"),
                reader.bool(Setting.PERMESSAGE_DEFLATE),
                reader.duration(Setting.SHUTDOWN_GRACE),
                reader.text(Setting.MESSAGE_POLICY).trim(),
                reader.text(Setting.ROOM_POLICY).trim(),
                reader.pathPrefix(Setting.PATH_PREFIX));
        if (settings.metrics.equals("api-key") && settings.auth.apiKeys().isEmpty()) {
            throw new InvalidSettingException("metrics=api-key needs " + Setting.API_KEYS.key());
        }
        if (settings.idleTimeout.compareTo(settings.pingInterval) <= 0) {
            throw new InvalidSettingException(Setting.IDLE_TIMEOUT.key() + " (" + settings.idleTimeout
                    + ") must be longer than " + Setting.PING_INTERVAL.key() + " (" + settings.pingInterval
                    + "), or every connection would time out between two pings");
        }
        return settings;
    }

    /**
     * A duration as settings write them: {@code 500ms}, {@code 25s} (or {@code 25}), {@code 2m}, {@code 1h}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a duration such as 500ms, 25s, 2m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException("must be longer than zero");
        }
        return duration;
    }

    /** Parses values and names the setting and its source when one is wrong. */
    private record Reader(SettingsSource source) {

        private SettingsSource.SourcedValue raw(Setting setting) {
            return source.lookup(setting).map(v -> new SettingsSource.SourcedValue(v.value().trim(), v.origin()))
                    .orElse(new SettingsSource.SourcedValue(setting.defaultValue(), "default"));
        }

        int integer(Setting setting, long min, long max) {
            SettingsSource.SourcedValue raw = raw(setting);
            try {
                long value = Long.parseLong(raw.value());
                if (value < min || value > max) {
                    throw invalid(setting, raw, "must be between " + min + " and " + max);
                }
                return (int) value;
            } catch (NumberFormatException e) {
                throw invalid(setting, raw, "must be a whole number");
            }
        }

        String text(Setting setting) {
            return raw(setting).value();
        }

        /** A path under the context root: "" for the root itself, else "/a/b" without a trailing slash. */
        String pathPrefix(Setting setting) {
            SettingsSource.SourcedValue raw = raw(setting);
            String value = raw.value().trim();
            if (!value.matches("/|(/[A-Za-z0-9._~-]+)+/?") || value.matches(".*/\\.{1,2}(/.*)?")) {
                throw new InvalidSettingException("setting " + setting.key() + " (from " + raw.origin() + ") must be "
                        + "/ or a path such as /switchboard (letters, digits, . _ ~ -; no . or .. segments), not '" + value + "'");
            }
            return value.equals("/") ? "" : value.replaceAll("/$", "");
        }

        /** Not echoed back when wrong: a Redis URI may carry a password. */
        String redisUri(Setting setting) {
            SettingsSource.SourcedValue raw = raw(setting);
            if (!raw.value().matches("rediss?://[^\\s/]+(/\\d{1,2})?/?")) {
                throw new InvalidSettingException("setting " + setting.key() + " (from " + raw.origin()
                        + ") must look like redis://[:password@]host:port/db or rediss://...");
            }
            return raw.value();
        }

        String nodeId(Setting setting) {
            SettingsSource.SourcedValue raw = raw(setting);
            if (raw.value().isEmpty()) {
                return NodeIds.generate();
            }
            if (!raw.value().matches("[A-Za-z0-9_.-]{1,64}")) {
                throw invalid(setting, raw, "must match [A-Za-z0-9_.-]{1,64}");
            }
            return raw.value();
        }

        boolean bool(Setting setting) {
            SettingsSource.SourcedValue raw = raw(setting);
            return switch (raw.value().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw invalid(setting, raw, "must be true or false");
            };
        }

        Duration duration(Setting setting) {
            SettingsSource.SourcedValue raw = raw(setting);
            try {
                return parseDuration(raw.value());
            } catch (IllegalArgumentException e) {
                throw invalid(setting, raw, e.getMessage());
            }
        }

        AuthSettings auth() {
            AuthMode mode = choice(Setting.AUTH, AuthMode.values(), AuthMode::key);
            SettingsSource.SourcedValue secret = raw(Setting.AUTH_SECRET);
            byte[] secretBytes = secret.value().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (secretBytes.length > 0 && secretBytes.length < 32) {
                // The value is never repeated: it is a secret.
                throw new InvalidSettingException("setting " + Setting.AUTH_SECRET.key() + " (from "
                        + secret.origin() + ") must be at least 32 bytes long; it has " + secretBytes.length);
            }
            String publicKey = "";
            SettingsSource.SourcedValue keyFile = raw(Setting.AUTH_PUBLIC_KEY);
            if (!keyFile.value().isEmpty()) {
                try {
                    publicKey = java.nio.file.Files.readString(java.nio.file.Path.of(keyFile.value()));
                } catch (java.io.IOException | RuntimeException e) {
                    throw invalid(Setting.AUTH_PUBLIC_KEY, keyFile, "cannot be read: " + e.getMessage());
                }
            }
            SettingsSource.SourcedValue jwks = raw(Setting.AUTH_JWKS_URI);
            if (!jwks.value().isEmpty() && !jwks.value().matches("https?://\\S+")) {
                throw invalid(Setting.AUTH_JWKS_URI, jwks, "must be an http(s) URL");
            }
            if (mode == AuthMode.TOKEN && secretBytes.length == 0 && publicKey.isEmpty() && jwks.value().isEmpty()) {
                throw new InvalidSettingException("auth=token needs " + Setting.AUTH_SECRET.key() + " (at least 32 "
                        + "bytes), " + Setting.AUTH_PUBLIC_KEY.key() + " or " + Setting.AUTH_JWKS_URI.key());
            }
            String resolver = text(Setting.AUTH_RESOLVER).trim();
            if (mode == AuthMode.CUSTOM && resolver.isEmpty()) {
                throw new InvalidSettingException("auth=custom needs " + Setting.AUTH_RESOLVER.key()
                        + ": the class name of your dev.switchboard.auth.IdentityResolver");
            }
            List<String> apiKeys = Arrays.stream(raw(Setting.API_KEYS).value().split(",")).map(String::trim)
                    .filter(key -> !key.isEmpty()).toList();
            return new AuthSettings(mode, secretBytes, publicKey, jwks.value(), text(Setting.AUTH_AUDIENCE),
                    text(Setting.AUTH_ISSUER), duration(Setting.AUTH_EXPIRY_GRACE), apiKeys, roles(), resolver);
        }

        TlsSettings tls() {
            java.util.Optional<java.nio.file.Path> cert = file(Setting.TLS_CERT);
            java.util.Optional<java.nio.file.Path> key = file(Setting.TLS_KEY);
            java.util.Optional<java.nio.file.Path> keystore = file(Setting.TLS_KEYSTORE);
            char[] password = raw(Setting.TLS_KEYSTORE_PASSWORD).value().toCharArray();
            if (cert.isPresent() != key.isPresent()) {
                throw new InvalidSettingException(Setting.TLS_CERT.key() + " and " + Setting.TLS_KEY.key()
                        + " go together: set both or neither");
            }
            if (cert.isPresent() && keystore.isPresent()) {
                throw new InvalidSettingException("set " + Setting.TLS_CERT.key() + " and " + Setting.TLS_KEY.key()
                        + ", or " + Setting.TLS_KEYSTORE.key() + ", not both");
            }
            if (keystore.isEmpty() && password.length > 0) {
                throw new InvalidSettingException(Setting.TLS_KEYSTORE_PASSWORD.key() + " is set but "
                        + Setting.TLS_KEYSTORE.key() + " is not");
            }
            return new TlsSettings(cert, key, keystore, password);
        }

        /** A file that must be readable when set. */
        private java.util.Optional<java.nio.file.Path> file(Setting setting) {
            SettingsSource.SourcedValue raw = raw(setting);
            if (raw.value().isEmpty()) {
                return java.util.Optional.empty();
            }
            java.nio.file.Path path = java.nio.file.Path.of(raw.value());
            if (!java.nio.file.Files.isReadable(path)) {
                throw invalid(setting, raw, "is not a readable file");
            }
            return java.util.Optional.of(path);
        }

        String oneOf(Setting setting, String... allowed) {
            SettingsSource.SourcedValue raw = raw(setting);
            String value = raw.value().toLowerCase(Locale.ROOT);
            if (!List.of(allowed).contains(value)) {
                throw invalid(setting, raw, "must be one of " + String.join(", ", allowed));
            }
            return value;
        }

        String roles() {
            SettingsSource.SourcedValue raw = raw(Setting.AUTH_ROLES);
            try {
                dev.switchboard.auth.RoleGrants.parse(raw.value());
            } catch (IllegalArgumentException e) {
                throw invalid(Setting.AUTH_ROLES, raw, e.getMessage());
            }
            return raw.value();
        }

        /** The constant of {@code values} whose key the setting names. */
        <E extends Enum<E>> E choice(Setting setting, E[] values, Function<E, String> key) {
            String chosen = oneOf(setting, Arrays.stream(values).map(key).toArray(String[]::new));
            return Arrays.stream(values).filter(value -> key.apply(value).equals(chosen)).findFirst().orElseThrow();
        }

        TrustedProxies trustedProxies(Setting setting) {
            SettingsSource.SourcedValue raw = raw(setting);
            try {
                return TrustedProxies.parse(raw.value());
            } catch (IllegalArgumentException e) {
                throw invalid(setting, raw, e.getMessage());
            }
        }

        Set<String> origins(Setting setting) {
            SettingsSource.SourcedValue raw = raw(setting);
            Set<String> origins = new LinkedHashSet<>();
            for (String origin : Arrays.stream(raw.value().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList()) {
                if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
                    throw invalid(setting, raw, "'" + origin + "' is not an origin like https://chat.example.com");
                }
                origins.add(origin.toLowerCase(Locale.ROOT));
            }
            return Set.copyOf(origins);
        }

        private static InvalidSettingException invalid(Setting setting, SettingsSource.SourcedValue raw, String why) {
            return new InvalidSettingException("setting " + setting.key() + " = '" + raw.value() + "' (from "
                    + raw.origin() + ") " + why);
        }
    }
}
