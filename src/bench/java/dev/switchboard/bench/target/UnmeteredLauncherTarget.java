package dev.switchboard.bench.target;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The launcher with {@code metrics=off}: nothing counted, no engine decorator, no publish→delivery histogram. Read
 * next to {@code launcher}, it is what the metrics cost.
 */
public final class UnmeteredLauncherTarget extends SwitchboardTarget {

    private final LauncherTarget launcher;

    public UnmeteredLauncherTarget(Path build, List<String> jvmOptions) {
        super(jvmOptions);
        this.launcher = new LauncherTarget(build, jvmOptions, "embedded", Map.of("metrics", "off"));
    }

    @Override
    public String name() {
        return "launcher-no-metrics";
    }

    @Override
    public String description() {
        return launcher.description() + ", `metrics=off`";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        return launcher.start(port, logFile);
    }
}
