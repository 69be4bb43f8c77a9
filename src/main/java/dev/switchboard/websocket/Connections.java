package dev.switchboard.websocket;

import dev.switchboard.logging.ConnectionLog;
import dev.switchboard.metrics.Meters;
import dev.switchboard.config.Settings;
import dev.switchboard.hub.Flusher;
import dev.switchboard.hub.QueueLimits;
import dev.switchboard.limits.ConnectionBudget;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every open WebSocket connection of one application instance, and the rules that apply across them: each holds
 * a place in the node's {@link ConnectionBudget} (shared with line connections), the heartbeat that pings each one and closes the silent, and
 * the goodbye on shutdown.
 */
public final class Connections {

    private static final Logger LOG = Logger.getLogger(Connections.class.getName());
    private final ConnectionLog log;
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    /**
     * Tomcat writes a close frame with any code but 1000 with this timeout, 50 ms by default
     * ({@code WsSession.sendCloseMessage}): a slow consumer closed with 1008 lost its close frame unless it read within
     * 50 ms. It gets the same time as every other blocking write.
     */
    private static final String TOMCAT_ABNORMAL_CLOSE_SEND_TIMEOUT =
            "org.apache.tomcat.websocket.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT";
    private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {'s', 'b'}).asReadOnlyBuffer();

    private final Meters meters;
    private final Settings settings;
    private final WebSocketWires wires;
    private final Flusher flusher;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final ConnectionBudget budget;
    private volatile boolean shuttingDown;
    /** Pings and closes: container calls that may block on a stalled peer, never on the timer thread. */
    private final BlockingCalls blockingCalls;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "switchboard-connections");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param wires   how each connection's messages reach the network
     * @param flusher whose threads write the connections' outbound queues
     */
    public Connections(Settings settings, WebSocketWires wires, Flusher flusher, ConnectionBudget budget,
            Meters meters, ConnectionLog log) {
        this.meters = meters;
        this.log = log;
        this.settings = settings;
        this.wires = wires;
        this.flusher = flusher;
        this.budget = budget;
        // Sixteen: a few stalled peers each hold one for up to Tomcat's blocking timeout, and the closes of healthy
        // connections must not wait behind them (with four, a line member's /quit waited over 10 s on Tomcat).
        this.blockingCalls = new BlockingCalls(16, settings.maxConnections());
    }

    /** Starts the heartbeat. */
    public void start() {
        long interval = settings.pingInterval().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The application's meters. */
    public ConnectionLog log() {
        return log;
    }

    public Meters meters() {
        return meters;
    }

    public int count() {
        return open.size();
    }

    /** True once {@link #shutdown()} has begun. */
    public boolean isShuttingDown() {
        return shuttingDown;
    }


    /**
     * Registers a new session; when it is over a connection limit (a handshake that raced others past the check
     * before the upgrade), closes it with 1013 and returns null.
     */
    Connection openOrRefuse(Session session) {
        Connection connection = open(session);
        if (connection == null) {
            CloseReasons.close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many connections");
        }
        return connection;
    }

    private synchronized Connection open(Session session) {
        // Our heartbeat closes silent connections. With the container's idle timeout at its default of 0
        // ("none"), Tyrus 2.1.6 still schedules a no-op timeout task for every message received; negative means
        // none too (Jakarta WebSocket), and it then schedules nothing.
        ContainerCalls.run(() -> session.setMaxIdleTimeout(-1));
        // Tomcat writes pings and close frames blocking, for up to 20 s by default; a stalled peer should not hold a
        // pool thread that long. Other containers ignore the property.
        session.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, blockingSendTimeoutMillis());
        session.getUserProperties().put(TOMCAT_ABNORMAL_CLOSE_SEND_TIMEOUT, blockingSendTimeoutMillis());
        String address = RemoteAddress.of(session);
        if (!budget.tryAcquire(address)) {
            return null;
        }
        Connection connection = new Connection(session, address, this,
                new QueueLimits(settings.queueMaxMessages(), settings.queueMaxBytes()), wires.forSession(session),
                flusher);
        open.add(connection);
        return connection;
    }

    /** Long enough for a peer that reads again to get its close frame; it only holds a pool thread, never ours. */
    private Long blockingSendTimeoutMillis() {
        return Math.max(5000, settings.shutdownGrace().toMillis());
    }

    /** Runs a container call that may block on the peer (a ping, a close) off the caller's thread. */
    public void offThread(Runnable call) {
        if (!blockingCalls.submit(call)) {
            call.run();
        }
    }

    void remove(Connection connection) {
        if (open.remove(connection)) {
            budget.release(connection.remoteAddress());
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Joins the connection's member to {@code room}, or closes the connection with what the refusal means: 1013 when
     * the engine is down or there are too many rooms, 4003 with the room policy's reason. Null when refused.
     */
    dev.switchboard.hub.Room joinOrClose(Connection connection, dev.switchboard.hub.Hub hub, String room,
                                         dev.switchboard.hub.Member member, java.util.OptionalLong since,
                                         java.util.Optional<String> sinceEpoch) {
        String refusal;
        CloseReason.CloseCode code = CloseReason.CloseCodes.TRY_AGAIN_LATER;
        try {
            return hub.join(room, member, since, sinceEpoch);
        } catch (dev.switchboard.hub.EngineUnavailableException e) {
            refusal = "unavailable: the engine is down";
        } catch (dev.switchboard.hub.TooManyRoomsException e) {
            refusal = "too many rooms";
        } catch (dev.switchboard.hub.RoomRefusedException e) {
            code = CloseReasons.TOKEN_REFUSED;
            refusal = e.getMessage();
        }
        connection.closeAfterFlush(code, refusal, settings.shutdownGrace());
        return null;
    }

    /** A connection's backlog passed its bounds: it is closed as a slow consumer. */
    void slowConsumer(Connection connection) {
        meters.slowConsumerClosed();
        closeLater(connection, CloseReason.CloseCodes.VIOLATED_POLICY, "slow consumer");
    }

    /** Closes a connection from the registry's thread: never from inside a room's fan-out. */
    void closeLater(Connection connection, CloseReason.CloseCode code, String reason) {
        runLater(() -> connection.close(code, reason));
    }

    /** Closes a connection after {@code delay} unless it has closed by then. */
    void closeAfter(Connection connection, Duration delay, CloseReason.CloseCode code, String reason) {
        try {
            timer.schedule(() -> {
                if (open.contains(connection)) {
                    connection.close(code, reason);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            connection.close(code, reason);
        }
    }

    /** Runs an action on the registry's thread; after shutdown, right here. */
    public void runLater(Runnable action) {
        try {
            timer.execute(action);
        } catch (RejectedExecutionException e) {
            action.run();
        }
    }

    private void heartbeat() {
        long now = System.nanoTime();
        long idleLimit = settings.idleTimeout().toNanos();
        for (Connection connection : List.copyOf(open)) {
            if (connection.silentNanos(now) > idleLimit) {
                connection.close(CloseReason.CloseCodes.GOING_AWAY, "idle timeout");
                continue;
            }
            if (connection.expired(now)) {
                connection.close(CloseReasons.TOKEN_EXPIRED, "token expired");
                continue;
            }
            connection.ping(PING);
        }
    }

    /**
     * The goodbye: every connection gets what is queued for it, then close 1001. Waits up to the grace period
     * for the peers to answer, then closes whatever is left.
     */
    public void shutdown() {
        shuttingDown = true;
        open.forEach(Connection::closeAfterFlush);
        try {
            if (!awaitAllClosed(settings.shutdownGrace())) {
                LOG.log(Level.INFO, "{0} WebSocket connections did not finish their goodbye in time", count());
                for (Connection connection : List.copyOf(open)) {
                    connection.close(CloseReason.CloseCodes.GOING_AWAY, "server shutting down");
                    connection.closed();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
        }
        try {
            blockingCalls.shutdown(settings.shutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitAllClosed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!open.isEmpty()) {
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
