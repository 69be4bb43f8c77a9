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
 * The portable wire: sends a batch one message after the other through {@link RemoteEndpoint.Async}, each send
 * started when the previous one completed (through {@link ContainerCalls}, for GlassFish's sake). A completion that
 * arrives inside the send call (containers often write at once) continues the loop instead of recursing, so a long
 * batch cannot overflow the stack.
 * <p>
 * Pings take turns with messages: one is written only between two messages, and the next message waits for it. Open
 * Liberty writes one frame at a time per connection and fails a send that meets another write ({@code
 * com.ibm.ws.wsoc.RemoteEndpointAsyncImpl}: "write not allowed. Most likely cause is that another Write or Close is
 * in progress"); its {@code sendPing} writes synchronously. Elsewhere the turn costs a ping a message's wait.
 */
final class AsyncRemoteWire implements WebSocketWire, SendHandler {

    private final RemoteEndpoint.Async remote;
    private List<Object> batch;
    private int next;
    private Consumer<Throwable> done;
    /** True while a send call is on the stack; a completion during it only sets {@link #completedDuringSend}. */
    private boolean inSend;
    private boolean completedDuringSend;
    /** A ping that waits for the message being written. */
    private Consumer<Runnable> pendingPing;
    /** True while a ping is being written; messages wait. */
    private boolean pinging;

    AsyncRemoteWire(Session session) {
        this.remote = session.getAsyncRemote();
    }

    @Override
    public void send(List<Object> batch, Consumer<Throwable> done) {
        synchronized (this) {
            this.batch = batch;
            this.next = 0;
            this.done = done;
            if (pinging) {
                return; // the ping's completion starts the batch
            }
        }
        sendFromNext();
    }

    @Override
    public void ping(Consumer<Runnable> ping) {
        synchronized (this) {
            if (pinging || done != null) {
                pendingPing = ping;
                return;
            }
            pinging = true;
        }
        ping.accept(this::pingWritten);
    }

    private void pingWritten() {
        synchronized (this) {
            pinging = false;
        }
        sendFromNext();
        startPendingPing();
    }

    /** Starts the waiting ping if no batch is being written. */
    private void startPendingPing() {
        Consumer<Runnable> ping;
        synchronized (this) {
            if (pendingPing == null || pinging || done != null) {
                return; // a batch in progress takes the ping at its next turn
            }
            ping = pendingPing;
            pendingPing = null;
            pinging = true;
        }
        ping.accept(this::pingWritten);
    }

    @Override
    public void closeWith(Runnable close) {
        // The container orders its own close frame after the sends it has accepted.
        close.run();
    }

    private void sendFromNext() {
        while (true) {
            Object message = null;
            Consumer<Runnable> ping = null;
            boolean batchSent = false;
            synchronized (this) {
                if (done == null || pinging) {
                    return;
                }
                if (pendingPing != null) {
                    ping = pendingPing; // the previous message is written: the ping's turn
                    pendingPing = null;
                    pinging = true;
                } else if (next == batch.size()) {
                    batchSent = true;
                } else {
                    message = batch.get(next++);
                    inSend = true;
                    completedDuringSend = false;
                }
            }
            if (ping != null) {
                ping.accept(this::pingWritten); // its completion resumes the batch
                return;
            }
            if (batchSent) {
                finish(null);
                startPendingPing();
                return;
            }
            Object toSend = message;
            try {
                ContainerCalls.run(() -> {
                    if (toSend instanceof Event event) {
                        remote.sendText(event.json(), this);
                    } else {
                        remote.sendBinary(((ByteBuffer) toSend).duplicate(), this);
                    }
                });
            } catch (RuntimeException e) {
                finish(e);
                return;
            }
            synchronized (this) {
                inSend = false;
                if (!completedDuringSend) {
                    return;
                }
            }
        }
    }

    @Override
    public void onResult(SendResult result) {
        if (!result.isOK()) {
            finish(result.getException());
            return;
        }
        synchronized (this) {
            if (inSend) {
                completedDuringSend = true;
                return;
            }
        }
        sendFromNext();
    }

    private void finish(Throwable failure) {
        Consumer<Throwable> callback;
        synchronized (this) {
            callback = done;
            done = null;
            batch = null;
            inSend = false;
        }
        if (callback != null) {
            callback.accept(failure);
        }
    }
}
