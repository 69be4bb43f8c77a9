package dev.switchboard.contract;

import dev.switchboard.auth.AuthenticationException;
import dev.switchboard.auth.Caller;
import dev.switchboard.auth.Identity;
import dev.switchboard.auth.IdentityResolver;
import dev.switchboard.auth.Permission;
import dev.switchboard.auth.RoomGrants;

import java.util.EnumSet;
import java.util.Map;

/**
 * The identity resolver {@link IdentityResolverContract} installs, as an application behind a gateway would write
 * one: the gateway names the signed-in user in a header; users may use the {@code gw-*} rooms.
 */
public final class GatewayIdentityResolver implements IdentityResolver {

    static final String HEADER = "X-Gateway-User";
    static final String NOT_SIGNED_IN = "sign in at the gateway first";

    @Override
    public Identity resolve(Caller caller) {
        String user = caller.header().apply(HEADER);
        if (user == null || user.isBlank()) {
            throw new AuthenticationException(401, NOT_SIGNED_IN);
        }
        return Identity.of(user, RoomGrants.of(Map.of("gw-*", EnumSet.allOf(Permission.class))));
    }
}
