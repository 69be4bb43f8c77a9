package dev.switchboard.websocket;

import dev.switchboard.hub.Event;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * The wire for a container that queues asynchronous sends (Undertow, in WildFly): every message of a batch is handed
 * to {@link RemoteEndpoint.Async} at once, and the batch is done when the last one has been written. Undertow then
 * writes the queued frames of a connection together, one {@code writev} for several; waiting for each send's
 * completion before the next, as {@link AsyncRemoteWire} must for Tomcat and Open Liberty (they refuse a send while
 * another is in progress), made it one system call per message: 62% of WildFly's CPU in a fan-out (async-profiler),
 * and a quarter of what a bare endpoint delivered.
 */
final class PipelinedRemoteWire implements WebSocketWire {

    private final RemoteEndpoint.Async remote;

    PipelinedRemoteWire(Session session) {
        this.remote = session.getAsyncRemote();
    }

    /** Whether {@code session}'s container queues sends (and frames, so pings may pass between messages). */
    static boolean suits(Session session) {
        return session.getClass().getName().startsWith("io.undertow.");
    }

    @Override
    public void send(List<Object> batch, Consumer<Throwable> done) {
        Completion completion = new Completion(batch.size(), done);
        try {
            ContainerCalls.run(() -> {
                for (Object message : batch) {
                    if (message instanceof Event event) {
                        remote.sendText(event.json(), completion);
                    } else {
                        remote.sendBinary(((ByteBuffer) message).duplicate(), completion);
                    }
                }
            });
        } catch (RuntimeException e) {
            completion.fail(e);
        }
    }

    @Override
    public void closeWith(Runnable close) {
        // The container orders its own close frame after the sends it has accepted.
        close.run();
    }

    /** Counts a batch's sends down; reports once: the first failure, or success when the last one is written. */
    private static final class Completion implements SendHandler {
        private int left;
        private Consumer<Throwable> done;

        Completion(int messages, Consumer<Throwable> done) {
            this.left = messages;
            this.done = done;
            if (messages == 0) {
                report(null);
            }
        }

        @Override
        public void onResult(SendResult result) {
            if (!result.isOK()) {
                fail(result.getException());
                return;
            }
            boolean last;
            synchronized (this) {
                last = --left == 0;
            }
            if (last) {
                report(null);
            }
        }

        void fail(Throwable failure) {
            report(failure);
        }

        private void report(Throwable failure) {
            Consumer<Throwable> callback;
            synchronized (this) {
                callback = done;
                done = null;
            }
            if (callback != null) {
                callback.accept(failure);
            }
        }
    }
}
