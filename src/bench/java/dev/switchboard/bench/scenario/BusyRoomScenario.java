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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code busy}: publish latency under load (issue 16). One room of {@code subscribers} members gets
 * {@code busyRate} messages a second (1,000 by default) from one publisher, paced by the clock rather than by the
 * replies (an open loop, so a slow server shows as latency, not as a lower rate), while {@value #SIDE_ROOMS} other rooms of two
 * members chat at {@value #SIDE_RATE} messages a second each. Measures publish-to-receive latency of every delivery in
 * the busy room, and of the side rooms' messages.
 */
public final class BusyRoomScenario implements Scenario {

    public static final Metric P50 = Metric.lower("busy", "p50 ms");
    public static final Metric P99 = Metric.lower("busy", "p99 ms");
    public static final Metric DELIVERIES = Metric.higher("busy", "deliveries/s");
    public static final Metric SIDE_P99 = Metric.lower("busy", "side rooms p99 ms");
    public static final Metric SERVER_CORES = Metric.lower("busy", "server CPU %");

    static final int SIDE_ROOMS = 100;
    static final int SIDE_RATE = 10;
    /** The publisher's clock: a batch every tick keeps the rate even without a thread per message. */
    private static final int TICK_MILLIS = 5;
    private static final String PROBE = "~";

    @Override
    public String name() {
        return "busy";
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        Load load = context.load();
        Target target = context.target();
        String busy = "busy" + context.run();
        Recorder latency = new Recorder(3);
        Recorder sideLatency = new Recorder(3);
        LongAdder deliveries = new LongAdder();
        CountDownLatch joined = new CountDownLatch(load.subscribers());
        List<Channel> channels = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try {
            channels.addAll(Connections.open(context.client(), load.subscribers(), load.handshakesInFlight(),
                    i -> target.chat(context.port(), busy, "s" + i, -1), i -> new Receiver(latency, deliveries,
                            joined)));
            Channel publisher = Connections.open(context.client(), target.chat(context.port(), busy, "pub", -1),
                    IgnoringHandler.INSTANCE);
            channels.add(publisher);
            List<Channel> talkers = new ArrayList<>();
            for (int r = 0; r < SIDE_ROOMS; r++) {
                String side = "side" + context.run() + "-" + r;
                for (int m = 0; m < 2; m++) {
                    Channel talker = Connections.open(context.client(), target.chat(context.port(), side, "t" + m, -1),
                            new Receiver(sideLatency, new LongAdder(), null));
                    talkers.add(talker);
                    channels.add(talker);
                }
            }
            awaitEveryoneJoined(target, publisher, joined);
            AtomicLong nextId = new AtomicLong();
            AtomicLong nextTalker = new AtomicLong();
            long startedAt = System.nanoTime();
            long[] said = new long[2]; // busy, side: what is due follows the clock
            clock.scheduleAtFixedRate(() -> {
                double seconds = (System.nanoTime() - startedAt) / 1e9;
                for (long due = (long) (seconds * load.busyRate()); said[0] < due; said[0]++) {
                    String text = Stamp.text(System.nanoTime(), nextId.getAndIncrement(), load.messageBytes());
                    publisher.write(new TextWebSocketFrame(target.say(text)));
                }
                publisher.flush();
                for (long due = (long) (seconds * SIDE_ROOMS * SIDE_RATE); said[1] < due; said[1]++) {
                    Channel talker = talkers.get((int) (nextTalker.getAndIncrement() % talkers.size()));
                    String text = Stamp.text(System.nanoTime(), nextId.getAndIncrement(), load.messageBytes());
                    talker.writeAndFlush(new TextWebSocketFrame(target.say(text)));
                }
            }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
            context.warmUp(deliveries::sum, "busy-room warm-up");
            latency.reset();
            sideLatency.reset();
            deliveries.reset();
            CpuInterval interval = context.startInterval();
            context.hold(load.duration(), deliveries::sum, "busy room");
            CpuInterval.Elapsed elapsed = context.endInterval(interval, name());
            Histogram histogram = latency.getIntervalHistogram();
            context.report(P50, histogram.getValueAtPercentile(50) / 1000.0);
            context.report(P99, histogram.getValueAtPercentile(99) / 1000.0);
            context.report(DELIVERIES, deliveries.sum() / elapsed.seconds());
            context.report(SIDE_P99, sideLatency.getIntervalHistogram().getValueAtPercentile(99) / 1000.0);
            context.report(SERVER_CORES, elapsed.serverCpuPercent());
        } finally {
            clock.shutdownNow();
            Connections.close(channels);
        }
    }

    /** Probes until every member of the busy room has received one (a 101 may come a moment before the join). */
    static void awaitEveryoneJoined(Target target, Channel publisher, CountDownLatch joined)
            throws InterruptedException, IOException {
        for (int attempt = 0; attempt < 120; attempt++) {
            publisher.writeAndFlush(new TextWebSocketFrame(target.say(PROBE + "probe" + attempt)));
            if (joined.await(500, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new IOException(joined.getCount() + " members of the busy room never received a message");
    }

    /** A member: records the latency of every stamped message; counts its first probe. */
    static final class Receiver extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        private final Recorder latency;
        private final LongAdder deliveries;
        private final CountDownLatch joined;
        private boolean probed;

        Receiver(Recorder latency, LongAdder deliveries, CountDownLatch joined) {
            this.latency = latency;
            this.deliveries = deliveries;
            this.joined = joined;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ByteBuf payload = frame.content();
            long sent = Stamp.nanos(payload);
            if (sent >= 0) {
                latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
                deliveries.increment();
            } else if (!probed && joined != null
                    && payload.indexOf(payload.readerIndex(), payload.writerIndex(), (byte) PROBE.charAt(0)) >= 0) {
                probed = true;
                joined.countDown();
            }
        }
    }
}
