package dev.switchboard.standalone;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.nio.NIOConnection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.header.timeout} for the launcher: a request's line and headers must be complete this long after its
 * first byte arrived, however slowly the bytes keep coming (a slowloris client resets every idle timer); otherwise
 * it is answered {@code 408} and the connection closed. Headers are parsed on the selector thread, so a slow client
 * never holds a worker. Upgraded connections (WebSocket, line) are exempt: their protocol governs them.
 * <p>
 * One filter before Grizzly's HTTP codec notes when a request's first bytes arrive; one after it notes that the
 * codec produced the request (its headers are complete); a timer in between answers what is still incomplete.
 */
final class RequestHeadDeadline implements AddOn, AutoCloseable {

    private static final byte[] TIMEOUT_RESPONSE = ("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
            + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: 52\r\n\r\n"
            + "the request headers did not arrive in time; closing\n").getBytes(StandardCharsets.US_ASCII);

    private final long timeoutNanos;
    private final Attribute<Head> heads =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(RequestHeadDeadline.class.getName());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "switchboard-request-deadline");
        thread.setDaemon(true);
        return thread;
    });

    RequestHeadDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        if (codec < 0) {
            throw new IllegalStateException("the listener's filter chain has no HTTP codec");
        }
        builder.add(codec + 1, new HeadComplete());
        builder.add(codec, new FirstBytes());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One connection's state; its filters run on one selector thread at a time, the timer reads the volatiles. */
    private static final class Head {
        volatile boolean waiting;
        volatile boolean upgraded;
        volatile long generation;
    }

    private final class FirstBytes extends BaseFilter {
        @Override
        public NextAction handleRead(FilterChainContext ctx) {
            Connection<?> connection = ctx.getConnection();
            Head head = heads.get(connection);
            if (head == null) {
                head = new Head();
                heads.set(connection, head);
            }
            if (!head.upgraded && !head.waiting) {
                head.waiting = true;
                long generation = ++head.generation;
                Head armed = head;
                try {
                    timer.schedule(() -> expire(connection, armed, generation), timeoutNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    // stopping
                }
            }
            return ctx.getInvokeAction();
        }
    }

    private final class HeadComplete extends BaseFilter {
        @Override
        public NextAction handleRead(FilterChainContext ctx) {
            if (ctx.getMessage() instanceof HttpContent content) {
                Head head = heads.get(ctx.getConnection());
                if (head != null) {
                    head.waiting = false;
                    if (content.getHttpHeader() instanceof HttpRequestPacket request && request.isUpgrade()) {
                        head.upgraded = true;
                    }
                }
            }
            return ctx.getInvokeAction();
        }
    }

    private static void expire(Connection<?> connection, Head head, long generation) {
        if (!head.waiting || head.upgraded || head.generation != generation || !connection.isOpen()) {
            return;
        }
        // Straight to the socket: the HTTP codec has no request to answer yet.
        @SuppressWarnings("unchecked")
        Connection<Object> raw = (Connection<Object>) connection;
        ((NIOConnection) connection).getTransport().getWriter(raw).write(raw,
                Buffers.wrap(connection.getMemoryManager(), TIMEOUT_RESPONSE),
                new EmptyCompletionHandler<WriteResult>() {
                    @Override
                    public void completed(WriteResult result) {
                        connection.closeSilently();
                    }

                    @Override
                    public void failed(Throwable throwable) {
                        connection.closeSilently();
                    }
                });
    }
}
