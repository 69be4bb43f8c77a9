package dev.switchboard.bench.scenario;

import dev.switchboard.bench.client.Connections;
import dev.switchboard.bench.client.IgnoringHandler;
import dev.switchboard.bench.report.CpuInterval;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.report.ProcessStats;
import dev.switchboard.bench.target.RunningServer;
import io.netty.channel.Channel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code connect}: opens many chat connections (rooms of ten), a bounded number of handshakes in flight, and leaves
 * them idle. Measures handshakes per second, then what the server holds per idle connection after a full garbage
 * collection: resident memory and live heap. Timed rounds alternate with as many bare {@code /echo} connections,
 * which every target serves alike: the handshake without a room's welcome and presence events.
 */
public final class ConnectScenario implements Scenario {

    public static final Metric HANDSHAKES = Metric.higher("connect", "handshakes/s");
    public static final Metric SERVER_CPU = Metric.lower("connect", "server CPU µs/handshake");
    public static final Metric SERVER_CORES = Metric.lower("connect", "server CPU %");
    public static final Metric CLIENT_CORES = Metric.lower("connect", "client CPU %");
    public static final Metric BARE_HANDSHAKES = Metric.higher("connect", "bare /echo handshakes/s");
    public static final Metric BARE_SERVER_CPU = Metric.lower("connect", "server CPU µs/bare handshake");
    public static final Metric BARE_SERVER_CORES = Metric.lower("connect", "server CPU % (bare)");
    public static final Metric BARE_CLIENT_CORES = Metric.lower("connect", "client CPU % (bare)");
    public static final Metric RSS = Metric.lower("connect", "RSS KB/connection");
    public static final Metric HEAP = Metric.lower("connect", "live heap KB/connection");

    private static final int ROOM_SIZE = 10;
    /** Timed handshake rounds of each kind per repetition; the median round is kept. */
    private static final int ROUNDS = 3;

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
            Connections.close(openBare(context, count));
        } while (warmUp.goesOn());

        // Handshake rates swing by a third from one round to the next on this shared machine: each repetition times
        // three rounds of each kind, alternating, and keeps the median round.
        List<CpuInterval.Elapsed> bareRounds = new ArrayList<>();
        List<CpuInterval.Elapsed> chatRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            bareRounds.add(timedRound(context, "bare", () -> openBare(context, count)));
            chatRounds.add(timedRound(context, "chat", () -> open(context, count)));
        }
        CpuInterval.Elapsed chat = median(chatRounds);
        CpuInterval.Elapsed bare = median(bareRounds);
        context.report(HANDSHAKES, count / chat.seconds());
        context.report(SERVER_CPU, chat.serverMicrosPer(count));
        context.report(SERVER_CORES, chat.serverCpuPercent());
        context.report(CLIENT_CORES, chat.clientCpuPercent());
        context.report(BARE_HANDSHAKES, count / bare.seconds());
        context.report(BARE_SERVER_CPU, bare.serverMicrosPer(count));
        context.report(BARE_SERVER_CORES, bare.serverCpuPercent());
        context.report(BARE_CLIENT_CORES, bare.clientCpuPercent());

        // Memory last: the full collections it needs shrink a JVM's heap, which a timed round would pay to regrow.
        context.awaitServerQuiet();
        Memory without = Memory.read(context, false);
        List<Channel> channels = open(context, count);
        try {
            context.awaitServerQuiet();
            Memory with = Memory.read(context, true);
            context.report(RSS, (with.rss() - without.rss()) / 1024.0 / count);
            context.report(HEAP, (with.liveHeap() - without.liveHeap()) / 1024.0 / count);
        } finally {
            Connections.close(channels);
        }
    }

    /**
     * The server's memory after a full collection: resident set, and live heap (a JVM's objects; V8's heap plus what
     * its objects own outside it). A JVM's resident set otherwise shows how far its heap once grew rather than what it
     * holds; after a collection it gives back what it does not need (G1 uncommits), as V8 does.
     */
    record Memory(long rss, long liveHeap) {

        static Memory read(ScenarioContext context, boolean keepDetail) throws Exception {
            RunningServer.LiveMemory live = context.server().collectGarbage();
            if (keepDetail) {
                context.keepProfile("connect-memory", live.detail());
            }
            return new Memory(settledRss(context.server().pid()), live.bytes());
        }

        /** Memory is given back to the system shortly after a collection: the resident set once it stops moving. */
        static long settledRss(long pid) throws InterruptedException {
            long previous = ProcessStats.rssBytes(pid);
            for (int i = 0; i < 40; i++) {
                TimeUnit.MILLISECONDS.sleep(250);
                long now = ProcessStats.rssBytes(pid);
                if (Math.abs(now - previous) < previous / 500) {
                    return now;
                }
                previous = now;
            }
            return previous;
        }
    }

    /** Opens connections as a timed round once the server is idle, then closes them untimed. */
    private static CpuInterval.Elapsed timedRound(ScenarioContext context, String kind,
                                                  Callable<List<Channel>> opening) throws Exception {
        context.awaitServerQuiet();
        CpuInterval interval = context.startInterval();
        List<Channel> channels = opening.call();
        CpuInterval.Elapsed elapsed = context.endInterval(interval, "connect-" + kind);
        Connections.close(channels);
        return elapsed;
    }

    /** The round that took the median time. */
    private static CpuInterval.Elapsed median(List<CpuInterval.Elapsed> rounds) {
        List<CpuInterval.Elapsed> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(CpuInterval.Elapsed::seconds));
        return sorted.get(sorted.size() / 2);
    }

    private static List<Channel> openBare(ScenarioContext context, int count) throws Exception {
        return Connections.open(context.client(), count, context.load().handshakesInFlight(),
                i -> context.target().echo(context.port()), i -> IgnoringHandler.INSTANCE);
    }

    /** The rooms are the same in every round, so that rooms made in the warm-up are not counted as connections. */
    private static List<Channel> open(ScenarioContext context, int count) throws Exception {
        return Connections.open(context.client(), count, context.load().handshakesInFlight(),
                i -> context.target().chat(context.port(), "idle" + (i / ROOM_SIZE), "u" + i, -1),
                i -> IgnoringHandler.INSTANCE);
    }
}
