package dev.switchboard.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is connecting or calling, and what they may do.
 *
 * @param name      the member's name (a token's {@code sub}, or the claimed name in {@code open} mode); null for an
 *                  API key
 * @param grants    what they may do in which room
 * @param expiresAt when their token expires; empty when nothing expires
 * @param apiKey    whether this is a server-side caller with an API key (it may publish as anyone)
 */
public record Identity(String name, RoomGrants grants, Optional<Instant> expiresAt, boolean apiKey) {

    /** A claimed name in {@code open} mode: everything is allowed, nothing expires. */
    public static Identity open(String name) {
        return new Identity(name, RoomGrants.all(), Optional.empty(), false);
    }

    /** A member an {@link IdentityResolver} recognised: its name and what it may do where; nothing expires. */
    public static Identity of(String name, RoomGrants grants) {
        return new Identity(java.util.Objects.requireNonNull(name), grants, Optional.empty(), false);
    }

    /** A caller with a valid API key. */
    public static Identity forApiKey() {
        return new Identity(null, RoomGrants.all(), Optional.empty(), true);
    }

    public boolean allows(String room, Permission permission) {
        return grants.allows(room, permission);
    }
}
