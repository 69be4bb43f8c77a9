package dev.switchboard.auth;

/**
 * Decides who a caller is, for {@code auth=custom}: an application's own sign-in (a session cookie, an API gateway's
 * header, an SSO ticket) instead of Switchboard's tokens or the container's login. Every transport asks it the same
 * way: the WebSocket and line handshakes (before the upgrade) and the HTTP API (unless the caller presents one of
 * {@code api.keys}). It runs on a request thread for each connection and call: keep it quick; a remote check should
 * be cached by the application.
 * <p>
 * Name an implementation with a public no-argument constructor in the {@code auth.resolver} setting.
 */
@FunctionalInterface
public interface IdentityResolver {

    /**
     * @param caller the request's headers, query parameters and container principal
     * @return who it is, with the rooms they may use ({@link Identity#of(String, RoomGrants)})
     * @throws AuthenticationException to refuse: 401 when the caller is not signed in, 403 when it may not come in;
     *                                 its message is shown to the caller
     */
    Identity resolve(Caller caller);
}
