package dev.switchboard.line;

import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The container's hook after it has switched a connection to {@code switchboard-line/1}: the application server
 * (WAR) or grizzly-http-servlet (launcher) creates it, {@link LineServlet} hands it the session it prepared.
 */
public class LineUpgradeHandler implements HttpUpgradeHandler {

    private LineSession session;

    /** The container creates handlers; it needs this constructor. */
    public LineUpgradeHandler() {
        // state arrives through attach()
    }

    void attach(LineSession session) {
        this.session = session;
    }

    @Override
    public void init(WebConnection connection) {
        try {
            session.start(connection);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a line connection", e);
        }
    }

    @Override
    public void destroy() {
        if (session != null) {
            session.closeNow("connection ended");
        }
    }
}
