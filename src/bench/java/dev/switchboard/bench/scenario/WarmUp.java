package dev.switchboard.bench.scenario;

import dev.switchboard.bench.report.ProcessStats;

import java.util.concurrent.TimeUnit;

/**
 * How long a scenario warms up: at least the load's warm-up time, and for a JVM until its JIT compilers have settled
 * (under 2% of a core over the last {@link #WINDOW_MILLIS} ms), but at most {@link #MAX_EXTRA_SECONDS} s longer. On
 * two cores a JVM that is still compiling adds a third to the CPU of every operation, which would measure the
 * compiler rather than the server (seen on the handshake path, which the other scenarios barely exercise).
 */
final class WarmUp {

    private static final long WINDOW_MILLIS = 2000;
    private static final long MAX_EXTRA_SECONDS = 120;

    private final ScenarioContext context;
    private final long start = System.nanoTime();
    private long sampledAt;
    private long compiledAt;

    WarmUp(ScenarioContext context) {
        this.context = context;
    }

    /** Whether the warm-up should go on; call it between rounds of load, or every few hundred milliseconds. */
    boolean goesOn() {
        long now = System.nanoTime();
        long elapsed = now - start;
        long minimum = context.load().warmup().toNanos();
        if (elapsed < minimum) {
            return true;
        }
        if (!context.load().awaitJit() || !context.server().isJvm()) {
            return false;
        }
        if (elapsed > minimum + TimeUnit.SECONDS.toNanos(MAX_EXTRA_SECONDS)) {
            context.log().printf("  (the JIT still compiles after %d s of warm-up; measuring anyway)%n",
                    TimeUnit.NANOSECONDS.toSeconds(elapsed));
            return false;
        }
        if (sampledAt != 0 && now - sampledAt < TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS)) {
            return true;
        }
        long compiling = compilerCpuNanos();
        if (sampledAt == 0) {
            sampledAt = now;
            compiledAt = compiling;
            return true;
        }
        boolean settled = (compiling - compiledAt) * 50 < now - sampledAt;
        sampledAt = now;
        compiledAt = compiling;
        return !settled;
    }

    private long compilerCpuNanos() {
        long pid = context.server().pid();
        return ProcessStats.threadCpuNanos(pid, "C2 Compiler") + ProcessStats.threadCpuNanos(pid, "C1 Compiler");
    }
}
