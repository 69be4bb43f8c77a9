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
 */
final class AsyncRemoteWire implements WebSocketWire, SendHandler {

    private final RemoteEndpoint.Async remote;
    private List<Object> batch;
    private int next;
    private Consumer<Throwable> done;
    /** True while a send call is on the stack; a completion during it only sets {@link #completedDuringSend}. */
    private boolean inSend;
    private boolean completedDuringSend;

    AsyncRemoteWire(Session session) {
        this.remote = session.getAsyncRemote();
    }

    @Override
    public void send(List<Object> batch, Consumer<Throwable> done) {
        synchronized (this) {
            this.batch = batch;
            this.next = 0;
            this.done = done;
        }
        sendFromNext();
    }

    @Override
    public void closeWith(Runnable close) {
        // The container orders its own close frame after the sends it has accepted.
        close.run();
    }

    private void sendFromNext() {
        while (true) {
            Object message;
            synchronized (this) {
                if (done == null) {
                    return;
                }
                if (next == batch.size()) {
                    break;
                }
                message = batch.get(next++);
                inSend = true;
                completedDuringSend = false;
            }
            try {
                ContainerCalls.run(() -> {
                    if (message instanceof Event event) {
                        remote.sendText(event.json(), this);
                    } else {
                        remote.sendBinary(((ByteBuffer) message).duplicate(), this);
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
        finish(null);
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
