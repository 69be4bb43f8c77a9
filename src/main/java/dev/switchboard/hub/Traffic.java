package dev.switchboard.hub;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * What the outbound queues of one {@link Flusher} carry, counted without allocating: events handed to queues
 * (deliveries), events and their weight (bytes, or characters for text) handed to the transport, and what waits now.
 * Also where a room reports how long a message took from publish to its fan-out on this node.
 */
public class Traffic {

    /** Counts nothing. */
    static final Traffic UNCOUNTED = new Traffic() {
        @Override
        void deliveredOne() {
        }

        @Override
        void replayed(long messages) {
        }

        @Override
        void dequeued(long messages) {
        }

        @Override
        void sent(long messages, long weight) {
        }

        @Override
        void fannedOutAfter(long nanos) {
        }
    };

    private final LongAdder delivered = new LongAdder();
    private final LongAdder sentMessages = new LongAdder();
    private final LongAdder sentWeight = new LongAdder();
    /** Replayed history, taken into batches, and dropped: with {@link #delivered} they give what waits. */
    private final LongAdder replayed = new LongAdder();
    private final LongAdder dequeued = new LongAdder();
    private volatile LongConsumer publishToDeliveryNanos = nanos -> { };

    void deliveredOne() {
        delivered.increment();
    }

    void replayed(long messages) {
        replayed.add(messages);
    }

    /** Taken from a queue into a batch, or dropped with it. */
    void dequeued(long messages) {
        dequeued.add(messages);
    }

    void sent(long messages, long weight) {
        sentMessages.add(messages);
        sentWeight.add(weight);
    }

    void fannedOutAfter(long nanos) {
        publishToDeliveryNanos.accept(nanos);
    }

    /** Where publish→local-delivery times go (e.g. a histogram); set before rooms open. */
    public void measurePublishToDelivery(LongConsumer recorder) {
        publishToDeliveryNanos = recorder;
    }

    /** Events offered to members' queues: live messages, presence, welcomes and errors. */
    public long delivered() {
        return delivered.sum();
    }

    public long sentMessages() {
        return sentMessages.sum();
    }

    /** The weight of what was sent: bytes for binary, characters for text (bytes for ASCII). */
    public long sentWeight() {
        return sentWeight.sum();
    }

    /** Events waiting in every queue now. */
    public long queued() {
        // One increment per delivery on the fan-out path; the rest is per batch. Summed in this order, a delivery
        // racing the read can only make the figure briefly high, never negative.
        long out = dequeued.sum();
        return Math.max(0, delivered.sum() + replayed.sum() - out);
    }
}
