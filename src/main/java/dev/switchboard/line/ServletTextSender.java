package dev.switchboard.line;

import dev.switchboard.hub.MessageSender;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends text over a servlet's non-blocking output: writes only when the stream is ready, and reports a send as
 * done when the container could take all of it, so a client that stops reading holds up its own queue only. A
 * batch of lines goes out as one write.
 */
final class ServletTextSender implements MessageSender<String>, WriteListener {

    private final ServletOutputStream out;
    private byte[] waiting;
    private Consumer<Throwable> done;

    ServletTextSender(ServletOutputStream out) {
        this.out = out;
    }

    @Override
    public void send(List<String> lines, Consumer<Throwable> done) {
        byte[] bytes = (lines.size() == 1 ? lines.get(0) : String.join("", lines)).getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            this.waiting = bytes;
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
