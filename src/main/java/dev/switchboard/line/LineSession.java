package dev.switchboard.line;

import dev.switchboard.config.Settings;
import dev.switchboard.hub.Event;
import dev.switchboard.hub.Events;
import dev.switchboard.hub.InvalidMessageException;
import dev.switchboard.hub.Member;
import dev.switchboard.hub.OutboundQueue;
import dev.switchboard.hub.Problem;
import dev.switchboard.hub.QueueLimits;
import dev.switchboard.auth.Identity;
import dev.switchboard.metrics.Meters;
import dev.switchboard.auth.Permission;
import dev.switchboard.hub.EngineUnavailableException;
import dev.switchboard.hub.Hub;
import dev.switchboard.hub.Room;
import dev.switchboard.hub.RoomRefusedException;
import dev.switchboard.hub.TooManyRoomsException;
import dev.switchboard.hub.Unavailable;
import dev.switchboard.limits.TokenBucket;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.WebConnection;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One line-protocol connection after the switch: each line the client sends is said in the room (same rules and
 * limits as a WebSocket {@code say}), each room event is written back as one line. Non-blocking both ways, with
 * the same bounded queue and slow-consumer rule as WebSocket members. {@code /quit} or closing the socket leaves.
 */
final class LineSession implements ReadListener, Member {

    private static final Logger LOG = Logger.getLogger(LineSession.class.getName());
    private static final String QUIT = "/quit";

    private final Hub hub;
    private final String roomName;
    private volatile Room room;
    private final String name;
    private final Identity identity;
    private final String remoteAddress;
    private final OptionalLong since;
    private final Settings settings;
    private final LineConnections registry;
    private final TokenBucket rate;
    private final AtomicBoolean gone = new AtomicBoolean();
    /** Why it ended, for the connection log: the first cause wins. */
    private volatile String endReason;
    private long openedAtNanos;
    private int rateLimitedInARow;
    /** The latest append this connection asked for; the engine completes them in order. */
    private CompletableFuture<?> lastPublish = CompletableFuture.completedFuture(null);
    private WebConnection connection;
    private ServletInputStream in;
    private OutboundQueue<String> outbound;
    private LineDecoder decoder;

    LineSession(Hub hub, String roomName, Identity identity, String remoteAddress, OptionalLong since, Settings settings,
                LineConnections registry) {
        this.hub = hub;
        this.roomName = roomName;
        this.identity = identity;
        this.name = identity.name();
        this.remoteAddress = remoteAddress;
        this.since = since;
        this.settings = settings;
        this.registry = registry;
        this.rate = new TokenBucket(settings.ratePerSecond(), settings.rateBurst(), System.nanoTime());
    }

    /** Called by the container once the connection has switched. */
    void start(WebConnection webConnection) throws IOException {
        connection = webConnection;
        ServletTextSender sender = new ServletTextSender(webConnection.getOutputStream());
        outbound = new OutboundQueue<>(sender, String::length,
                new QueueLimits(settings.queueMaxMessages(), settings.queueMaxBytes()), registry.flusher(),
                () -> registry.runLater(() -> closeNow("slow consumer")),
                () -> registry.runLater(() -> closeNow("send failed")));
        decoder = new LineDecoder(settings.maxMessageBytes(), this::onLine,
                () -> writeLine(LineFormat.error("line-too-long",
                        "lines are limited to " + settings.maxMessageBytes() + " bytes; this one was dropped")));
        registry.add(this);
        openedAtNanos = System.nanoTime();
        registry.log().opened("line", roomName, name, remoteAddress);
        webConnection.getOutputStream().setWriteListener(sender);
        boolean replayRefused = since.isPresent() && !identity.allows(roomName, Permission.HIST);
        try {
            room = hub.join(roomName, this, replayRefused ? OptionalLong.empty() : since, Optional.empty());
        } catch (RoomRefusedException e) {
            writeLine(LineFormat.error("forbidden", e.getMessage()));
            endingBecause("room refused: " + e.getMessage());
            outbound.closeAfterFlush(this::closeNow);
            return;
        } catch (EngineUnavailableException | TooManyRoomsException e) {
            writeLine(LineFormat.error("unavailable", e.getMessage()));
            endingBecause("unavailable: " + e.getMessage());
            outbound.closeAfterFlush(this::closeNow);
            return;
        }
        if (replayRefused) {
            writeLine(LineFormat.error("forbidden", "your token does not let you read this room's history"));
        }
        if (gone.get()) {
            leaveRoom(); // it went while joining: leaving twice is harmless
        }
        // Lines are read only once the member is in the room: the container may call onDataAvailable on another
        // thread as soon as it has a listener.
        in = webConnection.getInputStream();
        in.setReadListener(this);
        // Grizzly arms read notifications only when isReady() says no; reading now does that, and takes what
        // came with the request. Synchronized, as the container may call in at the same time.
        onDataAvailable();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean seesPresence() {
        return identity.allows(roomName, Permission.PRES);
    }

    /** The address its place in the node's connection limits is counted under. */
    String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public void deliver(Event event) {
        writeLine(LineFormat.render(event.json()));
    }

    @Override
    public void replay(List<Event> events) {
        outbound.replay(events.stream().map(event -> LineFormat.render(event.json()) + "\n").toList());
    }

    private void writeLine(String line) {
        outbound.offer(line + "\n");
    }

    @Override
    public synchronized void onDataAvailable() throws IOException {
        byte[] buffer = new byte[8192];
        while (in.isReady() && !gone.get()) {
            int read = in.read(buffer);
            if (read < 0) {
                return;
            }
            decoder.feed(buffer, 0, read);
        }
    }

    private void onLine(String line) {
        if (gone.get()) {
            return;
        }
        if (line.equals(QUIT)) {
            gone.set(true);
            endingBecause("quit");
            lastPublish.whenComplete((appended, failure) -> {
                writeLine("* bye");
                outbound.closeAfterFlush(this::closeNow);
                registry.runLater(this::leaveRoom);
            });
            return;
        }
        if (!rate.tryTake(System.nanoTime())) {
            if (++rateLimitedInARow >= settings.rateAbuseLimit()) {
                // What it said before is being made durable; it gets those messages before the last line.
                registry.meters().rateLimitClosed();
                endingBecause("rate limit exceeded");
                lastPublish.whenComplete((appended, failure) -> {
                    writeLine(LineFormat.error("rate-limited", "rate limit exceeded; closing"));
                    outbound.closeAfterFlush(this::closeNow);
                });
            } else {
                deliver(Events.error(new Problem("rate-limited", "you are sending faster than this room allows")));
            }
            return;
        }
        rateLimitedInARow = 0;
        if (!identity.allows(room.name(), Permission.PUB)) {
            writeLine(LineFormat.error("forbidden", "your token does not let you say anything in this room"));
            return;
        }
        try {
            lastPublish = room.publish(name, line, null);
            lastPublish.whenComplete((appended, failure) -> {
                if (failure != null) {
                    registry.meters().engineFailed(Meters.EngineOp.APPEND);
                    deliver(Events.error(Unavailable.problem(failure)));
                } else {
                    registry.meters().published(Meters.Transport.LINE);
                }
            });
        } catch (InvalidMessageException e) {
            deliver(Events.error(e.problem()));
        }
    }

    @Override
    public void onAllDataRead() {
        closeNow("client closed");
    }

    @Override
    public void onError(Throwable failure) {
        LOG.log(Level.FINE, "line connection failed", failure);
        closeNow("connection failed");
    }

    private void leaveRoom() {
        Room joined = room;
        if (joined != null) {
            joined.leave(this);
        }
    }

    /** The goodbye of a shutdown: what is queued, a last line, then the end of the connection. */
    void goodbye() {
        writeLine("* server shutting down");
        endingBecause("server shutting down");
        outbound.closeAfterFlush(this::closeNow);
    }

    private void endingBecause(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
    }

    void closeNow(String reason) {
        endingBecause(reason);
        closeNow();
    }

    /** Leaves the room (off this thread: never inside a fan-out) and ends the connection. Idempotent. */
    void closeNow() {
        if (gone.compareAndSet(false, true)) {
            registry.runLater(this::leaveRoom);
        }
        if (outbound != null) {
            outbound.discard();
        }
        if (registry.remove(this)) {
            registry.log().closed("line", roomName, name, remoteAddress, 0,
                    endReason == null ? "closed" : endReason, openedAtNanos);
            registry.offThread(() -> {
                try {
                    connection.close();
                    TomcatUpgradeEnd.closeSocket(connection);
                } catch (Exception e) {
                    LOG.log(Level.FINE, "closing a line connection failed", e);
                }
            });
        }
    }
}
