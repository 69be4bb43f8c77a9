package dev.switchboard.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Every open WebSocket session of one application instance, so that shutdown can say goodbye to each. */
public final class OpenSessions {

    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    void add(Session session) {
        sessions.add(session);
    }

    void remove(Session session) {
        if (sessions.remove(session)) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    public int count() {
        return sessions.size();
    }

    /** Closes every open session with 1001 "server shutting down". */
    public void closeAll() {
        for (Session session : List.copyOf(sessions)) {
            CloseReasons.close(session, CloseReason.CloseCodes.GOING_AWAY, "server shutting down");
        }
    }

    /**
     * Waits until every session has closed (the peers answered our close frames) or the time is up.
     *
     * @return true when none is left open
     */
    public boolean awaitAllClosed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!sessions.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }
}
