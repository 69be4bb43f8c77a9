package dev.switchboard.bench.scenario;

import dev.switchboard.bench.client.Connections;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code publish}: how many messages per second one room takes. Several publishers in one room each keep a window of
 * messages in flight; a message leaves its publisher's window when the publisher receives it back, which happens
 * only after the engine made it durable (with the embedded engine, after the group commit that included it).
 * Measures acknowledged publishes per second and publish-to-acknowledgement latency.
 */
public final class PublishScenario implements Scenario {

    public static final Metric PUBLISHES = Metric.higher("publish", "publishes/s");
    public static final Metric P50 = Metric.lower("publish", "p50 ms");
    public static final Metric P99 = Metric.lower("publish", "p99 ms");
    public static final Metric SERVER_CPU = Metric.lower("publish", "server CPU µs/publish");

    static final int PUBLISHERS = 8;
    static final int WINDOW = 64;

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public boolean appliesTo(Target target) {
        return target.hasHistory();
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        Target target = context.target();
        String room = "publish" + context.run();
        Recorder latency = new Recorder(3);
        LongAdder acknowledged = new LongAdder();
        Running running = new Running();
        List<Publisher> publishers = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        try {
            for (int p = 0; p < PUBLISHERS; p++) {
                Publisher publisher = new Publisher(p, target, context.load().messageBytes(), latency, acknowledged,
                        running);
                publishers.add(publisher);
                channels.add(Connections.open(context.client(), target.chat(context.port(), room, "p" + p, -1),
                        publisher));
            }
            for (int p = 0; p < PUBLISHERS; p++) {
                publishers.get(p).start(channels.get(p));
            }
            context.warmUp(acknowledged::sum, "publish warm-up");
            latency.reset();
            acknowledged.reset();
            CpuInterval interval = context.startInterval();
            context.hold(context.load().duration(), acknowledged::sum, "publish");
            CpuInterval.Elapsed elapsed = context.endInterval(interval, name());
            long count = acknowledged.sum();
            Histogram histogram = latency.getIntervalHistogram();
            context.report(PUBLISHES, count / elapsed.seconds());
            context.report(P50, histogram.getValueAtPercentile(50) / 1000.0);
            context.report(P99, histogram.getValueAtPercentile(99) / 1000.0);
            context.report(SERVER_CPU, elapsed.serverMicrosPer(count));
        } finally {
            running.stop();
            Connections.close(channels);
        }
    }

    /** One publisher: says the next message whenever one of its own comes back; ignores everyone else's. */
    private static final class Publisher extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        private final int index;
        private final Target target;
        private final int size;
        private final Recorder latency;
        private final LongAdder acknowledged;
        private final Running running;
        private final AtomicLong next = new AtomicLong();
        private volatile Channel channel;

        Publisher(int index, Target target, int size, Recorder latency, LongAdder acknowledged, Running running) {
            this.index = index;
            this.target = target;
            this.size = size;
            this.latency = latency;
            this.acknowledged = acknowledged;
            this.running = running;
        }

        void start(Channel publisherChannel) {
            channel = publisherChannel;
            for (int i = 0; i < WINDOW; i++) {
                say();
            }
        }

        private void say() {
            long id = next.getAndIncrement() * PUBLISHERS + index;
            channel.writeAndFlush(new TextWebSocketFrame(target.say(Stamp.text(System.nanoTime(), id, size))));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ByteBuf payload = frame.content();
            long sent = Stamp.nanos(payload);
            if (sent < 0 || Stamp.id(payload) % PUBLISHERS != index) {
                return;
            }
            latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
            acknowledged.increment();
            if (running.isOn()) {
                say();
            }
        }
    }
}
