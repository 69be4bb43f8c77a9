package dev.switchboard.line;

import dev.switchboard.hub.MessageSender;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Sends text over a servlet's non-blocking output: writes only when the stream is ready, and reports a send as
 * done when the container could take all of it, so a client that stops reading holds up its own queue only.
 */
final class ServletTextSender implements MessageSender<String>, WriteListener {

    private final ServletOutputStream out;
    private byte[] waiting;
    private Consumer<Throwable> done;

    ServletTextSender(ServletOutputStream out) {
        this.out = out;
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        synchronized (this) {
            this.waiting = text.getBytes(StandardCharsets.UTF_8);
            this.done = done;
        }
        writeWhatWeCan();
    }

    @Override
    public void onWritePossible() {
        writeWhatWeCan();
    }

    @Override
    public void onError(Throwable failure) {
        complete(failure);
    }

    private void writeWhatWeCan() {
        boolean finished;
        try {
            synchronized (this) {
                if (done == null || !out.isReady()) {
                    return;
                }
                if (waiting != null) {
                    out.write(waiting);
                    waiting = null;
                    if (!out.isReady()) {
                        return;
                    }
                }
                out.flush();
                finished = out.isReady();
            }
        } catch (IOException e) {
            complete(e);
            return;
        }
        if (finished) {
            complete(null);
        }
    }

    private void complete(Throwable failure) {
        Consumer<Throwable> callback;
        synchronized (this) {
            callback = done;
            done = null;
            waiting = null;
        }
        if (callback != null) {
            callback.accept(failure);
        }
    }
}
