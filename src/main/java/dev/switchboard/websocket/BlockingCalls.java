package dev.switchboard.websocket;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where container calls that may block on a slow peer run: pings and closes. Jakarta WebSocket lets them block
 * (Tomcat sends both with a blocking write, up to its 20 s {@code BLOCKING_SEND_TIMEOUT}), and a peer whose TCP window
 * is full makes them wait. On these threads they hold up no heartbeat, no fan-out and no other connection. Each
 * connection has at most one ping and one close here at a time, so the queue is bounded by the connection limit.
 */
final class BlockingCalls {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private final ThreadPoolExecutor pool;

    /** @param maxConnections the node's connection limit, which bounds what can wait here */
    BlockingCalls(int threads, int maxConnections) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>((int) Math.min(Integer.MAX_VALUE, 2L * maxConnections + 64)), runnable -> {
                    Thread thread = new Thread(runnable,
                            "switchboard-container-calls-" + pool + "-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Runs the call on a pool thread; false when it could not be queued (only after {@link #shutdown()}). */
    boolean submit(Runnable call) {
        try {
            pool.execute(call);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Takes no new calls and waits up to {@code grace} for the queued ones (the closes of a shutdown). */
    void shutdown(java.time.Duration grace) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
