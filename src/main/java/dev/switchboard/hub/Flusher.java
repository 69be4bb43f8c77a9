package dev.switchboard.hub;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides where the writes of members' {@link OutboundQueue}s happen, and owns the threads that do most of them.
 * <p>
 * A queue that gets something to send while idle is flushed at once on the offering thread (an echo, an error
 * reply: no hand-off). While a room holds its lock, or an event loop handles the connections that are ready,
 * offers are {@linkplain #defer() deferred}: the fan-out only enqueues, and at the end the first queues it touched
 * are flushed on its thread and the rest are handed to the lanes. A lane's thread sends everything a queue holds in
 * one batch when it reaches it, so the writes of a thousand members are spread over a few threads instead of running
 * in the publisher's loop, and a member that receives faster than it is flushed gets several events per write.
 * Handing over allocates nothing: each lane is a lock-free stack linked through the queues themselves.
 */
public final class Flusher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Flusher.class.getName());

    /** Up to this many queues a deferral collected are flushed by its own thread; the lanes take the rest. */
    static final int INLINE_LIMIT = 32;

    /**
     * Set only while a deferral is open, and removed when the outermost one closes: container threads outlive a
     * WAR, and a value of ours left on one would keep its class loader after undeploy (Tomcat reports it).
     */
    private static final ThreadLocal<Deferral> DEFERRAL = new ThreadLocal<>();

    private final Lane[] lanes;
    private final AtomicInteger nextLane = new AtomicInteger();
    /** Read by each queue once, when it is made: set {@link #uncounted()} before any. */
    private Traffic traffic = new Traffic();

    /**
     * @param threads how many lanes, each with its thread
     * @param name    the threads' name prefix
     */
    public Flusher(int threads, String name) {
        lanes = new Lane[threads];
        for (int i = 0; i < threads; i++) {
            lanes[i] = new Lane();
            Thread thread = new Thread(lanes[i], name + "-" + i);
            thread.setDaemon(true);
            lanes[i].thread = thread;
            thread.start();
        }
    }

    /** A flusher with one lane per available processor. */
    public static Flusher perProcessor(String name) {
        return new Flusher(Runtime.getRuntime().availableProcessors(), name);
    }

    /** What the queues this flusher writes have carried. */
    public Traffic traffic() {
        return traffic;
    }

    /** Stops counting {@link #traffic()} (with {@code metrics=off}: what the counting costs can then be measured). */
    public void uncounted() {
        traffic = Traffic.UNCOUNTED;
    }

    /** The lane a new queue is flushed on: queues are spread over the lanes in turn. */
    int assignLane() {
        return Math.floorMod(nextLane.getAndIncrement(), lanes.length);
    }

    /**
     * Collects the queues that need a flush on this thread until the returned scope closes (scopes nest): a room
     * opens one around the section that holds its lock, so no write happens under it.
     */
    public static Deferral defer() {
        Deferral deferral = DEFERRAL.get();
        if (deferral == null) {
            deferral = new Deferral();
            DEFERRAL.set(deferral);
        }
        deferral.depth++;
        return deferral;
    }

    /** Ends every deferral open on this thread and flushes what they collected: for an event loop, before it blocks. */
    public static void flushDeferred() {
        Deferral deferral = DEFERRAL.get();
        if (deferral != null && deferral.depth > 0) {
            deferral.depth = 1;
            deferral.close();
        }
    }

    /** A queue went from idle to having something to send: flush it here, or after the current deferral. */
    void dispatch(OutboundQueue<?> queue) {
        Deferral deferral = DEFERRAL.get();
        if (deferral != null && deferral.depth > 0) {
            deferral.queues.add(queue);
        } else {
            queue.flush();
        }
    }

    /** Puts a queue on its lane; the queue guarantees it is on at most one lane at a time. */
    void schedule(OutboundQueue<?> queue) {
        lanes[queue.lane()].push(queue);
    }

    /** The queues a thread touched while it held a room's lock; see {@link #defer()}. */
    public static final class Deferral implements AutoCloseable {

        private final ArrayList<OutboundQueue<?>> queues = new ArrayList<>();
        private int depth;

        private Deferral() {
        }

        @Override
        public void close() {
            if (--depth > 0) {
                return;
            }
            DEFERRAL.remove();
            if (queues.isEmpty()) {
                return;
            }
            // Taken out first: a flush may open a deferral of its own on this thread.
            Object[] touched = queues.toArray();
            queues.clear();
            for (int i = INLINE_LIMIT; i < touched.length; i++) {
                OutboundQueue<?> queue = (OutboundQueue<?>) touched[i];
                queue.flusher().schedule(queue);
            }
            for (int i = 0; i < Math.min(INLINE_LIMIT, touched.length); i++) {
                try {
                    ((OutboundQueue<?>) touched[i]).flush();
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.WARNING, "flushing an outbound queue failed", e);
                }
            }
        }
    }

    /** Stops the threads; queues scheduled after this are not flushed. */
    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.running = false;
            LockSupport.unpark(lane.thread);
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class Lane implements Runnable {

        /** Scheduled queues, newest first, linked by {@link OutboundQueue#nextScheduled}. */
        private final AtomicReference<OutboundQueue<?>> stack = new AtomicReference<>();
        private volatile boolean running = true;
        private volatile Thread thread;

        void push(OutboundQueue<?> queue) {
            OutboundQueue<?> head;
            do {
                head = stack.get();
                queue.nextScheduled = head;
            } while (!stack.compareAndSet(head, queue));
            if (head == null) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (running) {
                OutboundQueue<?> taken = stack.getAndSet(null);
                if (taken == null) {
                    LockSupport.park(this);
                    continue;
                }
                OutboundQueue<?> oldestFirst = null;
                while (taken != null) {
                    OutboundQueue<?> next = taken.nextScheduled;
                    taken.nextScheduled = oldestFirst;
                    oldestFirst = taken;
                    taken = next;
                }
                while (oldestFirst != null) {
                    OutboundQueue<?> queue = oldestFirst;
                    oldestFirst = queue.nextScheduled;
                    queue.nextScheduled = null;
                    try {
                        queue.flush();
                    } catch (RuntimeException | Error e) {
                        LOG.log(Level.WARNING, "flushing an outbound queue failed", e);
                    }
                }
            }
        }
    }
}
