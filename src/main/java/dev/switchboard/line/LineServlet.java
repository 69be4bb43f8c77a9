package dev.switchboard.line;

import dev.switchboard.config.Settings;
import dev.switchboard.hub.ChatRules;
import dev.switchboard.hub.EngineUnavailableException;
import dev.switchboard.hub.RoomRefusedException;
import dev.switchboard.hub.Hub;
import dev.switchboard.auth.Access;
import dev.switchboard.auth.AuthenticationException;
import dev.switchboard.auth.Caller;
import dev.switchboard.auth.Identity;
import dev.switchboard.hub.TooManyRoomsException;
import dev.switchboard.upgrade.UpgradeTokens;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /line/{room}?name=NAME[&since=SEQ]}: the second protocol on the port. A GET with
 * {@code Connection: Upgrade} and {@code Upgrade: switchboard-line/1} is switched with
 * {@link HttpServletRequest#upgrade(Class)}; anything else is answered as plain HTTP saying how to upgrade.
 */
public final class LineServlet extends HttpServlet {

    private final transient Hub hub;
    private final transient Settings settings;
    private final transient LineConnections connections;
    private final transient Access access;

    public LineServlet(Hub hub, Access access, Settings settings, LineConnections connections) {
        this.hub = hub;
        this.access = access;
        this.settings = settings;
        this.connections = connections;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        boolean asksForLine = UpgradeTokens.has(request.getHeader("Upgrade"), UpgradeTokens.LINE)
                && UpgradeTokens.has(request.getHeader("Connection"), "upgrade");
        if (!asksForLine || !"GET".equals(request.getMethod())) {
            refuse(response, 426, request.getRequestURI() + " speaks the line protocol: send GET with "
                    + "Connection: Upgrade and Upgrade: " + UpgradeTokens.LINE, true);
            return;
        }
        Optional<String> unsupported = UpgradeSupport.whyNot(getServletContext());
        if (unsupported.isPresent()) {
            refuse(response, 501, "the line protocol is not available on this server: " + unsupported.get()
                    + "; use the WebSocket endpoint /chat/{room}", false);
            return;
        }
        String path = request.getPathInfo();
        String room = path == null ? null : path.substring(1);
        String since = request.getParameter("since");
        String name = request.getParameter("name");
        Optional<String> bad = (access.identifiesMembers() ? ChatRules.checkAddressNameOptional(room, name)
                : ChatRules.checkAddress(room, name))
                .or(() -> ChatRules.checkSince(since));
        if (bad.isPresent()) {
            refuse(response, 400, bad.get(), false);
            return;
        }
        Identity identity;
        try {
            identity = access.connect(new Caller(request::getHeader, request::getParameter, request.getUserPrincipal(),
                    request::isUserInRole), room, name);
        } catch (AuthenticationException e) {
            if (e.status() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            refuse(response, e.status(), e.getMessage(), false);
            return;
        }
        try {
            hub.room(room, identity.name()); // refused now, before the switch, rather than with a last line after it
        } catch (RoomRefusedException e) {
            refuse(response, 403, e.getMessage(), false);
            return;
        } catch (EngineUnavailableException e) {
            response.setHeader("Retry-After", "2");
            refuse(response, 503, "unavailable: " + e.getMessage(), false);
            return;
        } catch (TooManyRoomsException e) {
            refuse(response, 503, e.getMessage(), false);
            return;
        }
        String address = settings.trustedProxies().resolve(request).address();
        if (!connections.admit(address)) {
            response.setHeader("Retry-After", "5");
            refuse(response, 503, "too many connections; try again later", false);
            return;
        }
        try {
            LineUpgradeHandler handler = request.upgrade(LineUpgradeHandler.class);
            handler.attach(new LineSession(hub, room, identity, address,
                    since == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(since)), settings,
                    connections));
        } catch (IOException | ServletException | RuntimeException e) {
            connections.unadmit(address);
            throw e;
        }
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        response.setHeader("Upgrade", UpgradeTokens.LINE);
        response.setHeader("Connection", "Upgrade");
    }

    private void refuse(HttpServletResponse response, int status, String message, boolean offerUpgrade)
            throws IOException {
        connections.meters().handshakeRefused(status);
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (offerUpgrade) {
            response.setHeader("Upgrade", UpgradeTokens.LINE);
        }
        // Grizzly frames no body after an answer to an upgrade request or one that names an Upgrade.
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
