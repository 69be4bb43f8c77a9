package dev.switchboard.bench;

import dev.switchboard.bench.client.LoadClient;
import dev.switchboard.bench.report.ChartReport;
import dev.switchboard.bench.report.MarkdownReport;
import dev.switchboard.bench.report.Results;
import dev.switchboard.bench.report.ServerProfiler;
import dev.switchboard.bench.scenario.BusyRoomScenario;
import dev.switchboard.bench.scenario.C100kScenario;
import dev.switchboard.bench.scenario.ConnectScenario;
import dev.switchboard.bench.scenario.EchoScenario;
import dev.switchboard.bench.scenario.FanoutScenario;
import dev.switchboard.bench.scenario.Load;
import dev.switchboard.bench.scenario.PublishScenario;
import dev.switchboard.bench.scenario.RecoverScenario;
import dev.switchboard.bench.scenario.Scenario;
import dev.switchboard.bench.scenario.ScenarioContext;
import dev.switchboard.bench.target.ClusterTarget;
import dev.switchboard.bench.target.GlassFishRawTarget;
import dev.switchboard.bench.target.GlassFishTarget;
import dev.switchboard.bench.target.LauncherTarget;
import dev.switchboard.bench.target.NodeWsTarget;
import dev.switchboard.bench.target.RawTyrusTarget;
import dev.switchboard.bench.target.RunningServer;
import dev.switchboard.bench.target.Target;
import dev.switchboard.bench.target.TokenLauncherTarget;
import dev.switchboard.bench.target.UnmeteredLauncherTarget;
import dev.switchboard.bench.target.WildFlyRawTarget;
import dev.switchboard.bench.target.WildFlyTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The benchmark harness: runs every scenario against every target, side by side in one invocation. Each repetition
 * starts every target afresh, in a rotating order, and runs the scenarios against it one after the other; the report
 * gives medians and ranges over the repetitions. Run it with {@code mvn -Pbench verify} (see
 * {@code src/docs/performance.md}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures Switchboard against its peers: echo, fanout, connect and recover scenarios.")
public final class Bench implements Callable<Integer> {

    @Option(names = "--build", required = true, paramLabel = "DIR",
            description = "Maven's target directory: the launcher jar, the WAR and the installed Node peer")
    private Path build;

    @Option(names = "--targets", split = ",", paramLabel = "NAME",
            description = "targets to measure (default: ${DEFAULT-VALUE})",
            defaultValue = "launcher,launcher-memory,launcher-cluster,glassfish,glassfish-raw,wildfly,wildfly-raw,"
                    + "raw-tyrus,node-ws")
    private List<String> targetNames;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
            description = "scenarios to run (default: ${DEFAULT-VALUE})",
            defaultValue = "echo,fanout,publish,connect,recover,busy")
    private List<String> scenarioNames;

    @Option(names = "--reps", description = "repetitions (default: ${DEFAULT-VALUE})", defaultValue = "3")
    private int repetitions;

    @Option(names = "--warmup", description = "warm-up per scenario (default: ${DEFAULT-VALUE})", defaultValue = "10s",
            converter = DurationConverter.class)
    private Duration warmup;

    @Option(names = "--duration", description = "measured time per scenario (default: ${DEFAULT-VALUE})",
            defaultValue = "10s", converter = DurationConverter.class)
    private Duration duration;

    @Option(names = "--message-bytes", defaultValue = "64", description = "text size (default: ${DEFAULT-VALUE})")
    private int messageBytes;

    @Option(names = "--window", defaultValue = "10",
            description = "messages in flight per echo connection and per fan-out publisher "
                    + "(default: ${DEFAULT-VALUE})")
    private int window;

    @Option(names = "--echo-connections", defaultValue = "100", description = "(default: ${DEFAULT-VALUE})")
    private int echoConnections;

    @Option(names = "--subscribers", defaultValue = "1000",
            description = "fan-out room size (default: ${DEFAULT-VALUE})")
    private int subscribers;

    @Option(names = "--busy-rate", defaultValue = "1000",
            description = "messages per second into the busy room, whose size is --subscribers (default: ${DEFAULT-VALUE})")
    private int busyRate;

    @Option(names = "--connections", defaultValue = "10000",
            description = "idle connections of the connect scenario (default: ${DEFAULT-VALUE})")
    private int connections;

    @Option(names = "--handshakes-in-flight", defaultValue = "200", description = "(default: ${DEFAULT-VALUE})")
    private int handshakesInFlight;

    @Option(names = "--c100k-connections", defaultValue = "100000",
            description = "idle connections the c100k scenario (manual: not in the default list) opens (default: "
                    + "${DEFAULT-VALUE}); raise `ulimit -n` first, see src/docs/performance.md")
    private int c100kConnections;

    @Option(names = "--recover-members", defaultValue = "1000", description = "(default: ${DEFAULT-VALUE})")
    private int recoverMembers;

    @Option(names = "--recover-gap", defaultValue = "500",
            description = "messages said while the members are away (default: ${DEFAULT-VALUE})")
    private int recoverGap;

    @Option(names = "--client-threads", defaultValue = "2",
            description = "event-loop threads of the load client (default: ${DEFAULT-VALUE})")
    private int clientThreads;

    /**
     * The same for every Java target. The heap-free ratios let G1 give back after a collection what it does not need,
     * as V8 does, so that a JVM's resident memory per idle connection shows what it holds rather than how far its
     * heap once grew (with G1's defaults, 40% and 70%, it keeps about twice its live heap).
     */
    @Option(names = "--jvm-options", defaultValue = "-Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20",
            split = " ", description = "options of every Java target's JVM (default: ${DEFAULT-VALUE})")
    private List<String> jvmOptions;

    @Option(names = "--smoke", description = "seconds long, small sizes, one repetition, no wait for the JIT: "
            + "proves the harness works")
    private boolean smoke;

    @Option(names = "--out", paramLabel = "DIR", description = "where the report goes (default: BUILD/bench)")
    private Path out;

    @Option(names = "--profile",
            description = "profile each measured interval with async-profiler, into OUT/profiles (collapsed stacks)")
    private boolean profile;

    @Option(names = "--soak", description = "run only the soak test (issue 13): a flood of HTTP publishes into new "
            + "rooms against the launcher with a small heap; --smoke runs it for seconds after the scenarios")
    private boolean soakOnly;

    @Option(names = "--soak-duration", description = "how long the soak floods (default: ${DEFAULT-VALUE})",
            defaultValue = "60s", converter = DurationConverter.class)
    private Duration soakDuration;

    @Option(names = "--soak-heap", description = "the launcher's -Xmx in the soak (default: ${DEFAULT-VALUE})",
            defaultValue = "256m")
    private String soakHeap;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        out = out != null ? out : build.resolve("bench");
        if (soakOnly) {
            return new Soak(build, out, soakDuration, soakHeap, System.out).run() ? 0 : 1;
        }
        if (smoke) {
            repetitions = 1;
            warmup = Duration.ofSeconds(1);
            duration = Duration.ofSeconds(2);
            echoConnections = 10;
            subscribers = 100;
            busyRate = 200;
            connections = 500;
            recoverMembers = 50;
            recoverGap = 50;
        }
        Files.createDirectories(out);
        Load load = new Load(warmup, !smoke, duration, messageBytes, window, echoConnections, subscribers, connections,
                handshakesInFlight, recoverMembers, recoverGap, busyRate, c100kConnections);
        List<Target> targets = targets();
        List<Scenario> scenarios = scenarios();
        Results results = new Results();
        targets.forEach(target -> results.declareTarget(target.name()));
        PrintStream log = System.out;
        long run = System.currentTimeMillis() % 100_000;
        try (LoadClient client = new LoadClient(clientThreads)) {
            for (int rep = 0; rep < repetitions; rep++) {
                for (int t = 0; t < targets.size(); t++) {
                    Target target = targets.get((t + rep) % targets.size());
                    measure(target, rep, scenarios, client, load, results, log, run++ * 100);
                }
            }
            String markdown = MarkdownReport.render(results, setup(client, load), descriptions(targets));
            MarkdownReport.write(out.resolve("results.md"), markdown);
            ChartReport.write(out.resolve("results.png"), results, List.of(EchoScenario.ROUND_TRIPS,
                    FanoutScenario.DELIVERIES, FanoutScenario.P99, ConnectScenario.HANDSHAKES, ConnectScenario.RSS,
                    RecoverScenario.CATCH_UP));
            log.println();
            log.println(markdown);
            log.println("Report: " + out.resolve("results.md") + " and " + out.resolve("results.png"));
        }
        boolean soakHeld = !smoke || new Soak(build, out, Duration.ofSeconds(5), soakHeap, log).run();
        return results.failures().isEmpty() && soakHeld ? 0 : 1;
    }

    private void measure(Target target, int rep, List<Scenario> scenarios, LoadClient client, Load load,
                         Results results, PrintStream log, long run) throws InterruptedException {
        int port;
        try {
            port = freePort();
        } catch (IOException e) {
            results.failed(target.name() + ": no free port: " + e.getMessage());
            return;
        }
        log.printf(Locale.ROOT, "[rep %d] %s on port %d%n", rep + 1, target.name(), port);
        Path logFile = out.resolve("logs").resolve(target.name() + "-" + (rep + 1) + ".log");
        try (RunningServer server = target.start(port, logFile)) {
            int index = 0;
            for (Scenario scenario : scenarios) {
                if (!scenario.appliesTo(target) || !target.offers(scenario.name())) {
                    continue;
                }
                ScenarioContext context = new ScenarioContext(client, target, server, port, load, results, log,
                        run + index++, rep + 1, profile ? ServerProfiler.into(out.resolve("profiles")) : null, out);
                long start = System.nanoTime();
                try {
                    context.awaitServerQuiet();
                    scenario.run(context);
                    log.printf(Locale.ROOT, "  %-8s done in %.1f s%n", scenario.name(),
                            (System.nanoTime() - start) / 1e9);
                } catch (Exception e) {
                    results.failed(target.name() + " " + scenario.name() + " (rep " + (rep + 1) + "): " + e);
                    log.printf(Locale.ROOT, "  %-8s FAILED: %s (server log: %s)%n", scenario.name(), e, logFile);
                    e.printStackTrace(log);
                }
            }
        } catch (IOException e) {
            results.failed(target.name() + " did not start (rep " + (rep + 1) + "): " + e.getMessage());
            log.println("  FAILED to start: " + e.getMessage());
        }
    }

    private List<Target> targets() {
        Map<String, Target> known = new LinkedHashMap<>();
        for (Target target : List.of(new LauncherTarget(build, jvmOptions, "embedded"),
                new LauncherTarget(build, jvmOptions, "memory"), new ClusterTarget(build, jvmOptions),
                new GlassFishTarget(build, jvmOptions), new GlassFishRawTarget(jvmOptions),
                new WildFlyTarget(build, jvmOptions), new WildFlyRawTarget(build, jvmOptions),
                new RawTyrusTarget(jvmOptions), new NodeWsTarget(build),
                new TokenLauncherTarget(build, jvmOptions), new UnmeteredLauncherTarget(build, jvmOptions))) {
            known.put(target.name(), target);
        }
        return targetNames.stream().map(name -> {
            Target target = known.get(name);
            if (target == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "unknown target '" + name + "'; known: " + String.join(", ", known.keySet()));
            }
            return target;
        }).toList();
    }

    private List<Scenario> scenarios() {
        Map<String, Scenario> known = new LinkedHashMap<>();
        for (Scenario scenario : List.of(new EchoScenario(), new FanoutScenario(), new PublishScenario(),
                new ConnectScenario(), new RecoverScenario(), new BusyRoomScenario(), new C100kScenario())) {
            known.put(scenario.name(), scenario);
        }
        return scenarioNames.stream().map(name -> {
            Scenario scenario = known.get(name);
            if (scenario == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "unknown scenario '" + name + "'; known: " + String.join(", ", known.keySet()));
            }
            return scenario;
        }).toList();
    }

    private List<String> setup(LoadClient client, Load load) {
        List<String> lines = new ArrayList<>();
        lines.add("Run " + Instant.now() + (smoke ? " (smoke: sizes and times cut down; not for comparison)" : ""));
        lines.add("Machine: " + Machine.describe());
        lines.add(String.format(Locale.ROOT, "%d repetitions; per scenario %d s warm-up, %d s measured; targets "
                        + "restarted each repetition, in rotating order", repetitions, warmup.toSeconds(),
                duration.toSeconds()));
        lines.add(String.format(Locale.ROOT, "Load client: Netty %s, %s, %d event-loop threads, in one process on the "
                        + "same machine", io.netty.util.Version.identify().values().iterator().next().artifactVersion(),
                client.transport(), clientThreads));
        lines.add(String.format(Locale.ROOT, "echo: %d connections × %d in flight, %d B texts; "
                        + "fanout: %d subscribers, "
                        + "window %d; connect: %d connections in rooms of 10, %d handshakes in flight; recover: %d "
                        + "members, %d messages missed", load.echoConnections(), load.window(), load.messageBytes(),
                load.subscribers(), load.window(), load.connections(), load.handshakesInFlight(),
                load.recoverMembers(), load.recoverGap()));
        return lines;
    }

    private static Map<String, String> descriptions(List<Target> targets) {
        return targets.stream().collect(Collectors.toMap(Target::name, Target::description, (a, b) -> a,
                LinkedHashMap::new));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Durations written 500ms, 10s or 2m. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            String seconds = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
            return Duration.ofSeconds(Long.parseLong(seconds));
        }
    }
}
