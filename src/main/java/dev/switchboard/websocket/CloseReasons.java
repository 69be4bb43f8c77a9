package dev.switchboard.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Closing a session with a code and reason, where a failure to close is only worth a log line. */
final class CloseReasons {

    private static final Logger LOG = Logger.getLogger(CloseReasons.class.getName());

    /** RFC 6455 close reasons are limited to 123 bytes of UTF-8; ours are ASCII. */
    private static final int MAX_REASON = 123;

    /** Application close codes (4000-4999): the token expired, or a refresh named someone else. */
    static final CloseReason.CloseCode TOKEN_EXPIRED = CloseReason.CloseCodes.getCloseCode(4001);
    static final CloseReason.CloseCode TOKEN_REFUSED = CloseReason.CloseCodes.getCloseCode(4003);

    private CloseReasons() {
    }

    static void close(Session session, CloseReason.CloseCode code, String reason) {
        String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        try {
            session.close(new CloseReason(code, shortReason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing " + session.getId() + " failed", e);
        }
    }
}
