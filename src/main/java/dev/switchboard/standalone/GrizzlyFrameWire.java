package dev.switchboard.standalone;

import dev.switchboard.websocket.WebSocketWire;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.asyncqueue.WritableMessage;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The launcher's wire: a batch becomes one buffer of pre-encoded frames ({@link WebSocketFrames}) handed straight to
 * the connection's Grizzly write queue, skipping Tyrus's per-message framing and (unless TLS must encrypt them) the
 * filter chain. Grizzly writes it at once when the socket takes it, or queues it and completes later; either way one
 * batch is in flight.
 * <p>
 * Tyrus still writes its own frames on the connection (pings, pongs, close); Grizzly's queue keeps whole writes
 * apart, and {@link #closeWith(Runnable)} keeps our frames ahead of a close we start.
 */
final class GrizzlyFrameWire implements WebSocketWire, CompletionHandler<WriteResult<WritableMessage, SocketAddress>> {

    private final Connection<SocketAddress> connection;
    /** Null on a TLS port: frames then go down the connection's chain, whose TLS filter encrypts them. */
    private final AsyncQueueWriter<SocketAddress> writer;
    private Consumer<Throwable> done;
    private boolean closed;

    @SuppressWarnings("unchecked")
    GrizzlyFrameWire(Connection<?> connection, boolean encrypted) {
        this.connection = (Connection<SocketAddress>) connection;
        this.writer = encrypted ? null : ((TCPNIOTransport) connection.getTransport()).getAsyncQueueIO().getWriter();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void send(List<Object> batch, Consumer<Throwable> done) {
        synchronized (this) {
            if (!closed) {
                this.done = done;
                // Under the lock: a close started meanwhile waits until this batch is in the queue ahead of it.
                Buffer frames = WebSocketFrames.encode(batch, connection.getMemoryManager());
                if (writer != null) {
                    writer.write(connection, frames, this);
                } else {
                    connection.write(frames, (CompletionHandler) this);
                }
                return;
            }
        }
        done.accept(new IOException("the connection is closing"));
    }

    @Override
    public void closeWith(Runnable close) {
        synchronized (this) {
            closed = true;
            close.run();
        }
    }

    @Override
    public void completed(WriteResult<WritableMessage, SocketAddress> result) {
        finish(null);
    }

    @Override
    public void failed(Throwable failure) {
        finish(failure);
    }

    @Override
    public void cancelled() {
        finish(new CancellationException("write cancelled"));
    }

    @Override
    public void updated(WriteResult<WritableMessage, SocketAddress> result) {
        // progress of a partial write; the batch is done when completed
    }

    private void finish(Throwable failure) {
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
