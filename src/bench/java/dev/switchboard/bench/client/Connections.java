package dev.switchboard.bench.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Opening and closing many connections at once, with a bound on handshakes in flight. */
public final class Connections {

    private static final long TIMEOUT_SECONDS = 120;

    private Connections() {
    }

    /**
     * Opens {@code count} connections, at most {@code concurrency} handshakes at a time; returns them in index order
     * once all are open.
     *
     * @throws IOException when any of them fails
     */
    public static List<Channel> open(LoadClient client, int count, int concurrency, IntFunction<URI> uri,
                                     IntFunction<? extends ChannelHandler> handler)
            throws IOException, InterruptedException {
        return open(client, count, concurrency, uri, handler, i -> null);
    }

    /** As {@link #open(LoadClient, int, int, IntFunction, IntFunction)}, each from the local address given. */
    public static List<Channel> open(LoadClient client, int count, int concurrency, IntFunction<URI> uri,
                                     IntFunction<? extends ChannelHandler> handler,
                                     IntFunction<java.net.InetSocketAddress> local)
            throws IOException, InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        Channel[] channels = new Channel[count];
        CountDownLatch done = new CountDownLatch(count);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < count && failure.get() == null; i++) {
            if (!slots.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("no handshake finished in " + TIMEOUT_SECONDS + " s");
            }
            int index = i;
            Supplier<ChannelHandler> supplier = () -> handler.apply(index);
            CompletableFuture<Channel> ready = client.connect(uri.apply(i), supplier, local.apply(i));
            ready.whenComplete((channel, error) -> {
                slots.release();
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    channels[index] = channel;
                }
                done.countDown();
            });
        }
        if (failure.get() == null && !done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IOException("connections still opening after " + TIMEOUT_SECONDS + " s");
        }
        if (failure.get() != null) {
            closeNow(java.util.Arrays.stream(channels).filter(java.util.Objects::nonNull).toList());
            throw new IOException("a connection failed: " + failure.get(), failure.get());
        }
        return List.of(channels);
    }

    /** Opens one connection. */
    public static Channel open(LoadClient client, URI uri, ChannelHandler handler)
            throws IOException, InterruptedException {
        return open(client, 1, 1, i -> uri, i -> handler).get(0);
    }

    /**
     * Closes with the WebSocket closing handshake (1000), then waits for the server to end each TCP connection, so the
     * server has let them go when this returns; connections that take longer are dropped.
     */
    public static void close(List<Channel> channels) throws InterruptedException {
        List<ChannelFuture> closing = new ArrayList<>(channels.size());
        for (Channel channel : channels) {
            if (channel != null && channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(1000, "bye"));
                closing.add(channel.closeFuture());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ChannelFuture closed : closing) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !closed.await(TimeUnit.NANOSECONDS.toMillis(left))) {
                break;
            }
        }
        closeNow(channels);
    }

    private static void closeNow(List<Channel> channels) {
        for (Channel channel : channels) {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
