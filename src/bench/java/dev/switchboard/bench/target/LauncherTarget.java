package dev.switchboard.bench.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standalone launcher, run as users run it: {@code java -jar target/switchboard-standalone.jar}, on the default
 * {@code embedded} engine (in a fresh data directory each start) or on the engine a target names.
 */
public final class LauncherTarget extends SwitchboardTarget {

    private final Path jar;
    private final String engine;
    private final Map<String, String> settings;

    /** @param engine {@code embedded} (the default, named {@code launcher}) or {@code memory} */
    public LauncherTarget(Path build, List<String> jvmOptions, String engine) {
        this(build, jvmOptions, engine, Map.of());
    }

    LauncherTarget(Path build, List<String> jvmOptions, String engine, Map<String, String> settings) {
        super(jvmOptions);
        this.jar = build.resolve("switchboard-standalone.jar");
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public String name() {
        return engine.equals("embedded") ? "launcher" : "launcher-" + engine;
    }

    @Override
    public String description() {
        return "Switchboard standalone launcher (Tyrus + Grizzly), engine " + engine + ", `java " + jvmOptionsText()
                + " -jar " + jar.getFileName() + "`";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        Path dataDir = Path.of(logFile + ".data");
        deleteRecursively(dataDir);
        List<String> args = new ArrayList<>(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--data-dir", dataDir.toString(), "--set", "engine=" + engine));
        BENCH_SETTINGS.forEach((name, value) -> args.addAll(List.of("--set", name + "=" + value)));
        settings.forEach((name, value) -> args.addAll(List.of("--set", name + "=" + value)));
        return RunningServer.startJvm(java(args), "Switchboard ready at", logFile);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
