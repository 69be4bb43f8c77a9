package dev.switchboard.cdi;

import dev.switchboard.hub.Hub;
import dev.switchboard.hub.RoomObserver;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires {@link MessageSaid}, {@link MemberJoined} and {@link MemberLeft} as CDI events. The rooms only put the news in
 * a bounded queue; one thread of ours fires them, so a slow observer delays the events, never a room. When the queue
 * is full (observers far behind), news is dropped and counted, and a warning says how many.
 */
public final class CdiRoomEvents implements RoomObserver, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CdiRoomEvents.class.getName());
    static final int QUEUE_CAPACITY = 10_000;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Event<Object> events;
    private final Hub hub;
    private final Thread thread;
    private volatile boolean running = true;

    private CdiRoomEvents(Hub hub, Event<Object> events) {
        this.hub = hub;
        this.events = events;
        this.thread = new Thread(this::fireLoop, "switchboard-cdi-events");
        this.thread.setDaemon(true);
        this.thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    }

    /** Starts firing the hub's news as CDI events of the application this thread belongs to. */
    public static CdiRoomEvents install(Hub hub) {
        CdiRoomEvents events = new CdiRoomEvents(hub, CDI.current().getBeanManager().getEvent());
        events.thread.start();
        hub.observe(events);
        return events;
    }

    @Override
    public void said(String room, long seq, String from, String text, Instant at) {
        offer(new MessageSaid(room, seq, from, text, at));
    }

    @Override
    public void joined(String room, String name) {
        offer(new MemberJoined(room, name));
    }

    @Override
    public void left(String room, String name) {
        offer(new MemberLeft(room, name));
    }

    private void offer(Object news) {
        if (!queue.offer(news)) {
            dropped.incrementAndGet();
        }
    }

    private void fireLoop() {
        while (running) {
            try {
                Object news = queue.poll(200, TimeUnit.MILLISECONDS);
                reportDropped();
                if (news != null) {
                    events.fire(news); // observers are resolved by the news's own type
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a CDI observer of Switchboard's events failed", e);
            }
        }
    }

    private void reportDropped() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warning(lost + " Switchboard CDI events were dropped: the observers are more than " + QUEUE_CAPACITY
                    + " events behind");
        }
    }

    /** Stops observing and firing (at undeploy); what is still queued is not fired. */
    @Override
    public void close() {
        hub.observe(RoomObserver.NONE);
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
