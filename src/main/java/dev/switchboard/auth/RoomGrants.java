package dev.switchboard.auth;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What an identity may do, room by room: exact room names and prefix patterns ({@code team-*}) to permissions. A
 * room gets the union of every entry that matches it; nothing granted means nothing allowed.
 */
public final class RoomGrants {

    private static final RoomGrants ALL = new RoomGrants(Map.of("*", EnumSet.allOf(Permission.class)));
    private final Map<String, Set<Permission>> byPattern;

    private RoomGrants(Map<String, Set<Permission>> byPattern) {
        this.byPattern = byPattern;
    }

    /** Every permission on every room: the {@code open} mode and API keys. */
    public static RoomGrants all() {
        return ALL;
    }

    /** @param byPattern room names or prefix patterns ending in {@code *}, to permissions */
    public static RoomGrants of(Map<String, Set<Permission>> byPattern) {
        Map<String, Set<Permission>> copy = new LinkedHashMap<>();
        byPattern.forEach((pattern, permissions) -> copy.put(pattern, Set.copyOf(permissions)));
        return new RoomGrants(Map.copyOf(copy));
    }

    public boolean allows(String room, Permission permission) {
        for (Map.Entry<String, Set<Permission>> grant : byPattern.entrySet()) {
            if (grant.getValue().contains(permission) && matches(grant.getKey(), room)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String room) {
        return pattern.endsWith("*") ? room.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(room);
    }
}
