package dev.switchboard.bench.report;

/** Wall time and the CPU time the server and the load client used over one measured interval. */
public final class CpuInterval {

    private final long serverPid;
    private final long clientPid = ProcessHandle.current().pid();
    private final long startNanos;
    private final long serverCpuStart;
    private final long clientCpuStart;

    private CpuInterval(long serverPid) {
        this.serverPid = serverPid;
        this.serverCpuStart = ProcessStats.cpuNanos(serverPid);
        this.clientCpuStart = ProcessStats.cpuNanos(clientPid);
        this.startNanos = System.nanoTime();
    }

    public static CpuInterval start(long serverPid) {
        return new CpuInterval(serverPid);
    }

    /** What the interval took, measured now. */
    public Elapsed end() {
        long wall = System.nanoTime() - startNanos;
        return new Elapsed(wall / 1e9, (ProcessStats.cpuNanos(serverPid) - serverCpuStart) / 1e9,
                (ProcessStats.cpuNanos(clientPid) - clientCpuStart) / 1e9);
    }

    /**
     * @param seconds          wall-clock seconds
     * @param serverCpuSeconds CPU seconds the server used (all threads)
     * @param clientCpuSeconds CPU seconds the load client used
     */
    public record Elapsed(double seconds, double serverCpuSeconds, double clientCpuSeconds) {

        public double serverCpuPercent() {
            return 100 * serverCpuSeconds / seconds;
        }

        public double clientCpuPercent() {
            return 100 * clientCpuSeconds / seconds;
        }

        /** Server CPU microseconds per operation. */
        public double serverMicrosPer(long operations) {
            return operations == 0 ? Double.NaN : serverCpuSeconds * 1e6 / operations;
        }
    }
}
