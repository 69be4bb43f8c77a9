package dev.switchboard.upgrade;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Container normalisation: Grizzly (under GlassFish and under our launcher) knows no reason phrase for 426 and
 * writes {@code 426 CUSTOM}, and the Servlet API can no longer set one. Grizzly keeps its phrases in one table
 * with a private {@code register}; we add "Upgrade Required" to it once, which also fixes the 426 that Tyrus
 * itself sends. Its 101 is named for WebSocket only; we give it the RFC's name, as our line protocol uses it too.
 * On a container without Grizzly this does nothing.
 */
public final class ReasonPhrases {

    private static final Logger LOG = Logger.getLogger(ReasonPhrases.class.getName());
    private static final String GRIZZLY_HTTP_STATUS = "org.glassfish.grizzly.http.util.HttpStatus";

    private ReasonPhrases() {
    }

    public static void registerUpgradeRequired() {
        try {
            Class<?> httpStatus = Class.forName(GRIZZLY_HTTP_STATUS);
            Method register = httpStatus.getDeclaredMethod("register", int.class, String.class);
            register.setAccessible(true);
            register.invoke(null, 426, "Upgrade Required");
            // Grizzly names 101 "Web Socket Protocol Handshake", which is wrong for every other protocol.
            register.invoke(null, 101, "Switching Protocols");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "no Grizzly status table to complete; 426 keeps the container's reason phrase", e);
        }
    }
}
