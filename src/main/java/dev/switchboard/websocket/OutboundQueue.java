package dev.switchboard.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbound side of one WebSocket connection: a bounded queue with at most one asynchronous send in flight.
 * <p>
 * Offering never blocks, so a room can fan out to thousands of connections from one thread. A connection whose
 * queue exceeds its bounds cannot keep up; it is closed with 1008 "slow consumer" instead of holding memory.
 * Only the portable {@code RemoteEndpoint.Async} API is used, one send at a time, which every container accepts.
 */
final class OutboundQueue implements SendHandler {

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

    private final Session session;
    private final QueueLimits limits;
    private final Executor closer;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean inFlight;
    /** True while a thread is inside {@code sendText}; a completion on that same call stack must not recurse. */
    private boolean pumping;
    private boolean closed;

    OutboundQueue(Session session, QueueLimits limits, Executor closer) {
        this.session = session;
        this.limits = limits;
        this.closer = closer;
    }

    /** Queues a text message; closes the connection instead when the queue is over its bounds. */
    void offer(String text) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= limits.maxMessages() || queuedChars + text.length() > limits.maxChars()) {
                closed = true;
                queue.clear();
                queuedChars = 0;
                closer.execute(this::closeSlowConsumer);
                return;
            }
            queue.add(text);
            queuedChars += text.length();
        }
        pump();
    }

    private void pump() {
        while (true) {
            String next;
            synchronized (this) {
                if (inFlight || pumping || closed) {
                    return;
                }
                next = queue.poll();
                if (next == null) {
                    return;
                }
                queuedChars -= next.length();
                inFlight = true;
                pumping = true;
            }
            try {
                session.getAsyncRemote().sendText(next, this);
            } catch (RuntimeException e) {
                onResult(new SendResult(e));
            } finally {
                synchronized (this) {
                    pumping = false;
                }
            }
        }
    }

    @Override
    public void onResult(SendResult result) {
        synchronized (this) {
            inFlight = false;
            if (!result.isOK()) {
                closed = true;
                queue.clear();
                queuedChars = 0;
                LOG.log(Level.FINE, "send failed; dropping the connection's queue", result.getException());
                return;
            }
        }
        pump();
    }

    private void closeSlowConsumer() {
        CloseReasons.close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "slow consumer");
    }
}
