package dev.switchboard.bench.scenario;

import dev.switchboard.bench.client.LoadClient;
import dev.switchboard.bench.report.CpuInterval;
import dev.switchboard.bench.report.Metric;
import dev.switchboard.bench.report.ProcessStats;
import dev.switchboard.bench.report.Results;
import dev.switchboard.bench.report.ServerProfiler;
import dev.switchboard.bench.target.RunningServer;
import dev.switchboard.bench.target.Target;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * What a scenario runs with: the client, the target and its running server, the load's sizes, where results go.
 *
 * @param run      a number unique to this scenario run, for room names that must not repeat
 * @param rep      the repetition, from 1
 * @param profiler profiles the measured intervals, or null
 * @param out      the report's directory, for a scenario's own tables and charts
 */
public record ScenarioContext(LoadClient client, Target target, RunningServer server, int port, Load load,
                              Results results, PrintStream log, long run, int rep, ServerProfiler profiler,
                              java.nio.file.Path out) {

    /** The load client, sending the target's handshake headers (a token) with every connection. */
    @Override
    public LoadClient client() {
        return client.withHeaders(target::handshakeHeaders);
    }

    /** Starts a measured interval: the CPU counters, and for a JVM the profiler when one was asked for. */
    public CpuInterval startInterval() {
        if (profiler != null && server.isJvm()) {
            profiler.start(server.pid());
        }
        return CpuInterval.start(server.pid());
    }

    /** When profiling, keeps {@code text} as TARGET-NAME-REP.txt next to the profiles. */
    public void keepProfile(String name, String text) throws java.io.IOException {
        if (profiler != null) {
            log.println("  kept: " + profiler.keep(target.name() + "-" + name + "-" + rep, text));
        }
    }

    /** Ends a measured interval; a profile goes to TARGET-SCENARIO-REP.collapsed. */
    public CpuInterval.Elapsed endInterval(CpuInterval interval, String scenario) throws java.io.IOException {
        CpuInterval.Elapsed elapsed = interval.end();
        if (profiler != null && server.isJvm()) {
            log.println("  profile: " + profiler.stop(server.pid(), target.name() + "-" + scenario + "-" + rep));
        }
        return elapsed;
    }

    public void report(Metric metric, double value) {
        results.add(metric, target.name(), value);
    }

    /**
     * Waits until the server has been nearly idle (under 5% of a core) for half a second, up to 30 seconds: work a
     * scenario left behind (members leaving a big room, a JIT burst) must not land in the next one's numbers.
     */
    public void awaitServerQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long previous = ProcessStats.cpuNanos(server.pid());
        while (System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
            long now = ProcessStats.cpuNanos(server.pid());
            if (now - previous < TimeUnit.MILLISECONDS.toNanos(25)) {
                return;
            }
            previous = now;
        }
        log.println("  (server still busy after 30 s; measuring anyway)");
    }

    /**
     * Runs a scenario's warm-up: its load goes on while {@link WarmUp#goesOn()} says so, failing early when the
     * server dies or the load has made no progress for {@link #STALL_SECONDS} seconds.
     */
    public void warmUp(LongSupplier progress, String what) throws InterruptedException {
        watch(new WarmUp(this)::goesOn, progress, what);
    }

    /**
     * Lets a phase of a scenario run for {@code phase}, failing early when the server dies or the load has made no
     * progress for {@link #STALL_SECONDS} seconds.
     *
     * @param progress a counter of completed operations
     */
    public void hold(Duration phase, LongSupplier progress, String what) throws InterruptedException {
        long end = System.nanoTime() + phase.toNanos();
        watch(() -> System.nanoTime() < end, progress, what);
    }

    /** Watches running load while {@code goesOn}: the server must stay alive and the load must make progress. */
    private void watch(BooleanSupplier goesOn, LongSupplier progress, String what) throws InterruptedException {
        long lastCount = progress.getAsLong();
        long lastMoved = System.nanoTime();
        while (goesOn.getAsBoolean()) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            long now = System.nanoTime();
            if (!server.isAlive()) {
                throw new IllegalStateException("the server died during " + what);
            }
            long count = progress.getAsLong();
            if (count != lastCount) {
                lastCount = count;
                lastMoved = now;
            } else if (now - lastMoved > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                throw new IllegalStateException(what + " made no progress for " + STALL_SECONDS + " s");
            }
        }
    }

    private static final long POLL_MILLIS = 100;
    private static final int STALL_SECONDS = 10;
}
