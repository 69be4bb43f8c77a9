package dev.switchboard.bench.scenario;

import dev.switchboard.bench.client.Connections;
import dev.switchboard.bench.client.Stamp;
import dev.switchboard.bench.report.CpuInterval;
import dev.switchboard.bench.report.Metric;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code echo}: many connections, each keeping a window of text messages in flight to {@code /echo}; every echo that
 * comes back sends the next message. Measures round trips per second and round-trip latency.
 */
public final class EchoScenario implements Scenario {

    public static final Metric ROUND_TRIPS = Metric.higher("echo", "round trips/s");
    public static final Metric P50 = Metric.lower("echo", "p50 ms");
    public static final Metric P99 = Metric.lower("echo", "p99 ms");
    public static final Metric SERVER_CPU = Metric.lower("echo", "server CPU µs/round trip");
    public static final Metric SERVER_CORES = Metric.lower("echo", "server CPU %");
    public static final Metric CLIENT_CORES = Metric.lower("echo", "client CPU %");

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        Load load = context.load();
        Recorder latency = new Recorder(3);
        LongAdder roundTrips = new LongAdder();
        Running running = new Running();
        List<Channel> channels = Connections.open(context.client(), load.echoConnections(), load.handshakesInFlight(),
                i -> context.target().echo(context.port()),
                i -> new Echoer(load.messageBytes(), latency, roundTrips, running));
        try {
            channels.forEach(channel -> channel.eventLoop().execute(() ->
                    channel.pipeline().get(Echoer.class).start(channel, load.window())));
            context.warmUp(roundTrips::sum, "echo warm-up");
            latency.reset();
            roundTrips.reset();
            CpuInterval interval = context.startInterval();
            context.hold(load.duration(), roundTrips::sum, "echo");
            CpuInterval.Elapsed elapsed = context.endInterval(interval, name());
            long count = roundTrips.sum();
            Histogram histogram = latency.getIntervalHistogram();
            context.report(ROUND_TRIPS, count / elapsed.seconds());
            context.report(P50, histogram.getValueAtPercentile(50) / 1000.0);
            context.report(P99, histogram.getValueAtPercentile(99) / 1000.0);
            context.report(SERVER_CPU, elapsed.serverMicrosPer(count));
            context.report(SERVER_CORES, elapsed.serverCpuPercent());
            context.report(CLIENT_CORES, elapsed.clientCpuPercent());
        } finally {
            running.stop();
            Connections.close(channels);
        }
    }

    /** One connection's loop: a window of messages out, the next one sent when an echo returns. */
    private static final class Echoer extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        private final int size;
        private final Recorder latency;
        private final LongAdder roundTrips;
        private final Running running;
        private long nextId;

        Echoer(int size, Recorder latency, LongAdder roundTrips, Running running) {
            this.size = size;
            this.latency = latency;
            this.roundTrips = roundTrips;
            this.running = running;
        }

        void start(Channel channel, int window) {
            for (int i = 0; i < window; i++) {
                channel.write(message(channel));
            }
            channel.flush();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            long sent = Stamp.nanos(frame.content());
            if (sent > 0) {
                latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
                roundTrips.increment();
            }
            if (running.isOn()) {
                ctx.write(message(ctx.channel()));
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        private TextWebSocketFrame message(Channel channel) {
            return new TextWebSocketFrame(ByteBufUtil.writeAscii(channel.alloc(),
                    Stamp.text(System.nanoTime(), nextId++, size)));
        }
    }
}
