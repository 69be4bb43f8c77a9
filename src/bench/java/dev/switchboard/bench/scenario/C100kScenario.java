package dev.switchboard.bench.scenario;

import dev.switchboard.bench.client.Connections;
import dev.switchboard.bench.client.IgnoringHandler;
import dev.switchboard.bench.client.Stamp;
import dev.switchboard.bench.report.CpuInterval;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.report.ProcessStats;
import dev.switchboard.bench.target.Target;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code c100k} (manual, not in the default list): idle chat connections, in rooms of {@value #ROOM_SIZE}, opened in
 * ten steps up to {@code --c100k-connections}, each from one of several addresses of 127.0.0.0/8 (one
 * address has about 28,000 ephemeral ports). Among them a room of {@value #BUSY_MEMBERS} members gets
 * {@value #BUSY_RATE} messages a second for {@value #BUSY_SECONDS} s after every step. Per step it records the
 * handshake rate of the step, the server's resident set and live heap after a full collection, and the busy room's
 * publish-to-receive latency, after a warm-up like {@code connect}'s; writes {@code c100k.md} and {@code c100k.png}.
 */
public final class C100kScenario implements Scenario {

    public static final Metric CONNECTIONS = Metric.higher("c100k", "idle connections held");
    public static final Metric RSS = Metric.lower("c100k", "RSS KB/connection (growth from the first step)");
    public static final Metric HEAP = Metric.lower("c100k", "live heap KB/connection (growth from the first step)");
    public static final Metric HANDSHAKES = Metric.higher("c100k", "handshakes/s");
    public static final Metric BUSY_P99 = Metric.lower("c100k", "busy room p99 ms at the last step");

    /** As in {@code connect}: each join is a welcome and a join event to each member already in the room. */
    static final int ROOM_SIZE = 10;
    static final int BUSY_MEMBERS = 1000;
    static final int BUSY_RATE = 20;
    static final int BUSY_SECONDS = 5;
    /**
     * Connections per source address. A bind to port 0 takes the odd half of the ephemeral ports (32768-60999) first
     * and searches the rest slowly: from 14,000 connections on one address the handshake rate fell from 1,400 to 280
     * a second.
     */
    private static final int PER_ADDRESS = 12_000;
    /** Descriptors beyond the connections: the JVM's own files (jars, epoll, the database), a margin. */
    private static final int SPARE_DESCRIPTORS = 1_000;

    /**
     * One step's readings; memory is the server's whole resident set and live heap. What a connection costs is the
     * growth from the first step on: a baseline read before any connection would count what the warm-up left (its
     * rooms stay open for {@code room.idle.timeout}).
     */
    private record Step(int connections, double handshakesPerSecond, double serverCpuMicros, long rssBytes,
                        long heapBytes, double p50Millis, double p99Millis) {

        double rssPerConnectionUpTo(Step later) {
            return (later.rssBytes - rssBytes) / 1024.0 / (later.connections - connections);
        }

        double heapPerConnectionUpTo(Step later) {
            return (later.heapBytes - heapBytes) / 1024.0 / (later.connections - connections);
        }
    }

    @Override
    public String name() {
        return "c100k";
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        Load load = context.load();
        Target target = context.target();
        int total = load.c100kConnections();
        requireDescriptors(ProcessHandle.current().pid(), total, "the load client (run `ulimit -n` before mvn)");
        requireDescriptors(context.server().pid(), total, "the server (it inherits the shell's `ulimit -n`)");

        warmUp(context);
        List<Channel> channels = new ArrayList<>(total + 1);
        Recorder latency = new Recorder(3);
        LongAdder deliveries = new LongAdder();
        String busy = "c100k-busy" + context.run();
        List<Step> steps = new ArrayList<>();
        try {
            CountDownLatch joined = new CountDownLatch(BUSY_MEMBERS);
            channels.addAll(Connections.open(context.client(), BUSY_MEMBERS, load.handshakesInFlight(),
                    i -> target.chat(context.port(), busy, "b" + i, -1),
                    i -> new BusyRoomScenario.Receiver(latency, deliveries, joined), C100kScenario::localAddress));
            Channel publisher = Connections.open(context.client(), target.chat(context.port(), busy, "pub", -1),
                    IgnoringHandler.INSTANCE);
            channels.add(publisher);
            BusyRoomScenario.awaitEveryoneJoined(target, publisher, joined);
            int stepSize = Math.max(1_000, total / 10);
            while (channels.size() < total) {
                int first = channels.size();
                int count = Math.min(stepSize, total - first);
                CpuInterval interval = CpuInterval.start(context.server().pid());
                channels.addAll(Connections.open(context.client(), count, load.handshakesInFlight(),
                        i -> target.chat(context.port(), "c100k-" + context.run() + "-" + (first + i) / ROOM_SIZE,
                                "u" + (first + i), -1),
                        i -> IgnoringHandler.INSTANCE, i -> localAddress(first + i)));
                CpuInterval.Elapsed opened = interval.end();
                Histogram served = publishToBusyRoom(target, publisher, latency, deliveries, load.messageBytes());
                context.awaitServerQuiet();
                ConnectScenario.Memory memory = ConnectScenario.Memory.read(context, false);
                Step step = new Step(channels.size(), count / opened.seconds(), opened.serverMicrosPer(count),
                        memory.rss(), memory.liveHeap(), served.getValueAtPercentile(50) / 1000.0,
                        served.getValueAtPercentile(99) / 1000.0);
                steps.add(step);
                context.log().printf(Locale.ROOT, "  c100k: %,d connections, %.0f handshakes/s, RSS %.0f MB, heap "
                                + "%.0f MB, busy room p99 %.1f ms%n", step.connections(), step.handshakesPerSecond(),
                        step.rssBytes() / 1048576.0, step.heapBytes() / 1048576.0, step.p99Millis());
            }
        } finally {
            Connections.close(channels);
        }
        Step first = steps.get(0);
        Step last = steps.get(steps.size() - 1);
        context.report(CONNECTIONS, last.connections());
        context.report(RSS, first.rssPerConnectionUpTo(last));
        context.report(HEAP, first.heapPerConnectionUpTo(last));
        context.report(HANDSHAKES, steps.stream().mapToDouble(Step::handshakesPerSecond).sorted()
                .skip(steps.size() / 2).findFirst().orElse(0));
        context.report(BUSY_P99, last.p99Millis());
        write(context, steps);
    }

    /** Joins and leaves rooms until the server's JIT has settled, as {@code connect} does before it measures. */
    private static void warmUp(ScenarioContext context) throws Exception {
        WarmUp warmUp = new WarmUp(context);
        int round = 0;
        do {
            String rooms = "c100k-warm-" + context.run() + "-" + round++ + "-";
            Connections.close(Connections.open(context.client(), 2_000, context.load().handshakesInFlight(),
                    i -> context.target().chat(context.port(), rooms + i / ROOM_SIZE, "w" + i, -1),
                    i -> IgnoringHandler.INSTANCE));
        } while (warmUp.goesOn());
    }

    /** 127.1.0.1 for the first {@value #PER_ADDRESS}, then 127.1.0.2, and so on. */
    private static InetSocketAddress localAddress(int index) {
        return new InetSocketAddress("127.1.0." + (1 + index / PER_ADDRESS), 0);
    }

    private static void requireDescriptors(long pid, int connections, String who) throws IOException {
        long limit = ProcessStats.openFilesLimit(pid);
        if (limit < connections + SPARE_DESCRIPTORS) {
            throw new IOException(who + " may open " + limit + " files; " + connections + " connections need "
                    + (connections + SPARE_DESCRIPTORS) + ": `ulimit -n " + (2 * connections + 2 * SPARE_DESCRIPTORS)
                    + "` (as root, or within the hard limit) in the shell that runs mvn");
        }
    }

    /** {@value #BUSY_RATE} stamped messages a second for {@value #BUSY_SECONDS} s, on the clock; their latency. */
    private static Histogram publishToBusyRoom(Target target, Channel publisher, Recorder latency,
                                               LongAdder deliveries, int bytes) {
        latency.reset();
        deliveries.reset();
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / BUSY_RATE;
        for (int i = 0; i < BUSY_RATE * BUSY_SECONDS; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            publisher.writeAndFlush(new TextWebSocketFrame(target.say(Stamp.text(System.nanoTime(), i, bytes))));
        }
        // Until every member has every message, or a generous grace: what is late past it is missing from the p99.
        long expected = (long) BUSY_MEMBERS * BUSY_RATE * BUSY_SECONDS;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (deliveries.sum() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return latency.getIntervalHistogram();
    }

    private static void write(ScenarioContext context, List<Step> steps) throws IOException {
        StringBuilder table = new StringBuilder("| connections | handshakes/s of the step | server CPU µs/handshake "
                + "| RSS MB | live heap MB | KB/connection since the first step: RSS, live heap "
                + "| busy room p50 / p99 ms |\n|---|---|---|---|---|---|---|\n");
        Step first = steps.get(0);
        for (Step step : steps) {
            table.append(String.format(Locale.ROOT, "| %,d | %.0f | %.0f | %.0f | %.0f | %s | %.1f / %.1f |%n",
                    step.connections(), step.handshakesPerSecond(), step.serverCpuMicros(),
                    step.rssBytes() / 1048576.0, step.heapBytes() / 1048576.0, step == first ? "–"
                            : String.format(Locale.ROOT, "%.2f, %.2f", first.rssPerConnectionUpTo(step),
                            first.heapPerConnectionUpTo(step)), step.p50Millis(), step.p99Millis()));
        }
        String name = context.target().name() + "-c100k-" + context.rep();
        Files.createDirectories(context.out());
        Files.writeString(context.out().resolve(name + ".md"), table);
        XYChart chart = new XYChartBuilder().width(900).height(500).xAxisTitle("idle connections")
                .yAxisTitle("MB").title(context.target().name() + ": memory and handshake rate as connections grow")
                .build();
        List<Integer> counts = steps.stream().map(Step::connections).toList();
        chart.addSeries("RSS MB", counts, steps.stream().map(s -> s.rssBytes() / 1048576.0).toList());
        chart.addSeries("live heap MB", counts, steps.stream().map(s -> s.heapBytes() / 1048576.0).toList());
        chart.addSeries("handshakes/s of the step", counts,
                steps.stream().map(Step::handshakesPerSecond).toList()).setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "handshakes/s");
        BitmapEncoder.saveBitmap(chart, context.out().resolve(name + ".png").toString(),
                BitmapEncoder.BitmapFormat.PNG);
        context.log().println("  c100k: " + context.out().resolve(name + ".md") + ", " + name + ".png");
    }
}
