package dev.switchboard.bench.scenario;

import dev.switchboard.bench.client.Connections;
import dev.switchboard.bench.client.IgnoringHandler;
import dev.switchboard.bench.client.Stamp;
import dev.switchboard.bench.report.CpuInterval;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.target.Target;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code fanout}: one chat room with many subscribers and one publisher that keeps a window of messages in flight.
 * A message leaves the window when every subscriber has received it, and the publisher then says the next one.
 * Measures deliveries per second and publish-to-receive latency of every delivery.
 */
public final class FanoutScenario implements Scenario {

    public static final Metric DELIVERIES = Metric.higher("fanout", "deliveries/s");
    public static final Metric P50 = Metric.lower("fanout", "p50 ms");
    public static final Metric P99 = Metric.lower("fanout", "p99 ms");
    public static final Metric SERVER_CPU = Metric.lower("fanout", "server CPU µs/delivery");
    public static final Metric SERVER_CORES = Metric.lower("fanout", "server CPU %");
    public static final Metric CLIENT_CORES = Metric.lower("fanout", "client CPU %");

    /** Marks the probe texts; no other message carries it. */
    private static final String PROBE = "~";

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        Load load = context.load();
        Target target = context.target();
        String room = "fanout" + context.run();
        Room state = new Room(target, load.subscribers(), load.messageBytes());
        List<Channel> subscribers = Connections.open(context.client(), load.subscribers(), load.handshakesInFlight(),
                i -> target.chat(context.port(), room, "s" + i, -1), i -> new Subscriber(i, state));
        Channel publisher = null;
        try {
            publisher = Connections.open(context.client(), target.chat(context.port(), room, "pub", -1),
                    IgnoringHandler.INSTANCE);
            state.publisher = publisher;
            state.awaitEveryoneJoined();
            state.start(load.window());
            context.warmUp(state.completions::sum, "fan-out warm-up");
            state.latency.reset();
            state.deliveries.reset();
            CpuInterval interval = context.startInterval();
            context.hold(load.duration(), state.completions::sum, "fan-out");
            CpuInterval.Elapsed elapsed = context.endInterval(interval, name());
            long count = state.deliveries.sum();
            Histogram histogram = state.latency.getIntervalHistogram();
            context.report(DELIVERIES, count / elapsed.seconds());
            context.report(P50, histogram.getValueAtPercentile(50) / 1000.0);
            context.report(P99, histogram.getValueAtPercentile(99) / 1000.0);
            context.report(SERVER_CPU, elapsed.serverMicrosPer(count));
            context.report(SERVER_CORES, elapsed.serverCpuPercent());
            context.report(CLIENT_CORES, elapsed.clientCpuPercent());
        } finally {
            state.running.stop();
            if (publisher != null) {
                Connections.close(List.of(publisher));
            }
            Connections.close(subscribers);
        }
    }

    /** The shared state of one fan-out run: who has received what, and the publisher's window. */
    private static final class Room {

        /** Messages in flight are told apart by id modulo this; the window must stay below it. */
        private static final int SLOTS = 4096;

        final Target target;
        final int subscribers;
        final int size;
        final Recorder latency = new Recorder(3);
        final LongAdder deliveries = new LongAdder();
        final LongAdder completions = new LongAdder();
        final Running running = new Running();
        final AtomicIntegerArray received = new AtomicIntegerArray(SLOTS);
        final AtomicLong nextId = new AtomicLong();
        final AtomicIntegerArray probed;
        volatile CountDownLatch joined;
        volatile Channel publisher;

        Room(Target target, int subscribers, int size) {
            this.target = target;
            this.subscribers = subscribers;
            this.size = size;
            this.probed = new AtomicIntegerArray(subscribers);
        }

        /**
         * Says probe messages until every subscriber has received one: a server may let a connection in (101) a
         * moment before it joins the room, and a subscriber that misses a message would stall the window.
         */
        void awaitEveryoneJoined() throws InterruptedException, IOException {
            joined = new CountDownLatch(subscribers);
            for (int attempt = 0; attempt < 120; attempt++) {
                publisher.writeAndFlush(new TextWebSocketFrame(target.say(PROBE + "probe" + attempt)));
                if (joined.await(500, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            throw new IOException(joined.getCount() + " subscribers never received a message");
        }

        void start(int window) {
            if (window >= SLOTS) {
                throw new IllegalArgumentException("window must be below " + SLOTS);
            }
            for (int i = 0; i < window; i++) {
                publishNext();
            }
        }

        void probed(int subscriber) {
            if (probed.compareAndSet(subscriber, 0, 1)) {
                joined.countDown();
            }
        }

        void delivered(ByteBuf payload) {
            long sent = Stamp.nanos(payload);
            latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
            deliveries.increment();
            int slot = (int) (Stamp.id(payload) % SLOTS);
            if (received.incrementAndGet(slot) == subscribers) {
                received.set(slot, 0);
                completions.increment();
                if (running.isOn()) {
                    publishNext();
                }
            }
        }

        private void publishNext() {
            String text = Stamp.text(System.nanoTime(), nextId.getAndIncrement(), size);
            publisher.writeAndFlush(new TextWebSocketFrame(target.say(text)));
        }
    }

    /** One subscriber: counts stamped messages, notes its first probe, ignores the rest (welcome, join, ...). */
    private static final class Subscriber extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        private final int index;
        private final Room room;

        Subscriber(int index, Room room) {
            this.index = index;
            this.room = room;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ByteBuf payload = frame.content();
            if (Stamp.nanos(payload) >= 0) {
                room.delivered(payload);
            } else if (payload.indexOf(payload.readerIndex(), payload.writerIndex(), (byte) PROBE.charAt(0)) >= 0) {
                room.probed(index);
            }
        }
    }
}
