package dev.switchboard.bench.scenario;

import dev.switchboard.bench.client.Connections;
import dev.switchboard.bench.client.IgnoringHandler;
import dev.switchboard.bench.report.CpuInterval;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.report.ProcessStats;
import io.netty.channel.Channel;

import java.util.List;

/**
 * {@code connect}: opens many chat connections (rooms of ten), a bounded number of handshakes in flight, and leaves
 * them idle. Measures handshakes per second, then what the server's resident memory grew by per connection (and,
 * for a JVM, its live heap after a full collection).
 */
public final class ConnectScenario implements Scenario {

    public static final Metric HANDSHAKES = Metric.higher("connect", "handshakes/s");
    public static final Metric SERVER_CPU = Metric.lower("connect", "server CPU µs/handshake");
    public static final Metric SERVER_CORES = Metric.lower("connect", "server CPU %");
    public static final Metric RSS = Metric.lower("connect", "RSS KB/connection");
    public static final Metric HEAP = Metric.lower("connect", "live heap KB/connection");

    private static final int ROOM_SIZE = 10;

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        Load load = context.load();
        int count = load.connections();
        WarmUp warmUp = new WarmUp(context);
        do {
            Connections.close(open(context, count));
        } while (warmUp.goesOn());

        context.awaitServerQuiet();
        long pid = context.server().pid();
        long rssBefore = ProcessStats.rssBytes(pid);
        CpuInterval interval = context.startInterval();
        List<Channel> channels = open(context, count);
        CpuInterval.Elapsed elapsed = context.endInterval(interval, name());
        long heapWith = -1;
        try {
            context.awaitServerQuiet();
            long rssAfter = ProcessStats.rssBytes(pid);
            context.report(HANDSHAKES, count / elapsed.seconds());
            context.report(SERVER_CPU, elapsed.serverMicrosPer(count));
            context.report(SERVER_CORES, elapsed.serverCpuPercent());
            context.report(RSS, (rssAfter - rssBefore) / 1024.0 / count);
            // After the RSS reading: the full collection jcmd runs changes what the JVM holds resident.
            heapWith = context.server().isJvm() ? ProcessStats.liveHeapBytes(pid) : -1;
        } finally {
            Connections.close(channels);
        }
        if (heapWith >= 0) {
            context.awaitServerQuiet();
            context.report(HEAP, (heapWith - ProcessStats.liveHeapBytes(pid)) / 1024.0 / count);
        }
    }

    /** The rooms are the same in every round, so that rooms made in the warm-up are not counted as connections. */
    private static List<Channel> open(ScenarioContext context, int count) throws Exception {
        return Connections.open(context.client(), count, context.load().handshakesInFlight(),
                i -> context.target().chat(context.port(), "idle" + (i / ROOM_SIZE), "u" + i, -1),
                i -> IgnoringHandler.INSTANCE);
    }
}
