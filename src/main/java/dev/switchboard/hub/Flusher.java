package dev.switchboard.hub;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads that write what members' {@link OutboundQueue}s hold. A room's fan-out only enqueues; a queue that
 * was idle is scheduled once on its lane and sends everything that waits in one batch when the lane reaches it.
 * So the writes of a thousand members are spread over a few threads instead of running in the publisher's loop,
 * and a member that receives faster than it is flushed gets several events per write. Scheduling allocates
 * nothing: each lane is a lock-free stack linked through the queues themselves.
 */
public final class Flusher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Flusher.class.getName());

    private final Lane[] lanes;
    private final AtomicInteger nextLane = new AtomicInteger();

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

    /** The lane a new queue is flushed on: queues are spread over the lanes in turn. */
    int assignLane() {
        return Math.floorMod(nextLane.getAndIncrement(), lanes.length);
    }

    /** Puts a queue on its lane; the queue guarantees it is on at most one lane at a time. */
    void schedule(OutboundQueue<?> queue) {
        lanes[queue.lane()].push(queue);
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
