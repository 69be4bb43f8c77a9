package dev.switchboard.auth;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code auth.roles} for {@code auth=container}: container roles to room permissions, written
 * {@code ROLE:ROOM=PERMS;...}, e.g. {@code chat-user:lobby=sub,pub,hist,pres;chat-user:team-*=sub;chat-admin:*=sub,pub,hist,pres}.
 * A principal gets the union of its roles' grants.
 */
public final class RoleGrants {

    private final Map<String, Map<String, Set<Permission>>> byRole;

    private RoleGrants(Map<String, Map<String, Set<Permission>>> byRole) {
        this.byRole = byRole;
    }

    /** @throws IllegalArgumentException naming the entry that does not parse */
    public static RoleGrants parse(String text) {
        Map<String, Map<String, Set<Permission>>> byRole = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            int equals = trimmed.indexOf('=', colon + 1);
            if (colon <= 0 || equals < colon + 2) {
                throw new IllegalArgumentException("'" + trimmed + "' is not ROLE:ROOM=PERMISSIONS");
            }
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            for (String claim : trimmed.substring(equals + 1).split(",")) {
                permissions.add(Permission.ofClaim(claim.trim()).orElseThrow(() -> new IllegalArgumentException(
                        "'" + claim.trim() + "' in '" + trimmed + "' is not one of sub, pub, hist, pres")));
            }
            byRole.computeIfAbsent(trimmed.substring(0, colon).trim(), role -> new LinkedHashMap<>())
                    .merge(trimmed.substring(colon + 1, equals).trim(), permissions, (a, b) -> {
                        Set<Permission> union = EnumSet.copyOf(a);
                        union.addAll(b);
                        return union;
                    });
        }
        return new RoleGrants(byRole);
    }

    /** What a principal with these roles may do. */
    public RoomGrants grantsFor(Predicate<String> inRole) {
        Map<String, Set<Permission>> grants = new LinkedHashMap<>();
        byRole.forEach((role, rooms) -> {
            if (inRole.test(role)) {
                rooms.forEach((pattern, permissions) -> grants.merge(pattern, permissions, (a, b) -> {
                    Set<Permission> union = EnumSet.copyOf(a);
                    union.addAll(b);
                    return union;
                }));
            }
        });
        return RoomGrants.of(grants);
    }
}
