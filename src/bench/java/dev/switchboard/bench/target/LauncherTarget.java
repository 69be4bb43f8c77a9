package dev.switchboard.bench.target;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The standalone launcher, run as users run it: {@code java -jar target/switchboard-standalone.jar}. */
public final class LauncherTarget extends SwitchboardTarget {

    private final Path jar;

    public LauncherTarget(Path build, List<String> jvmOptions) {
        super(jvmOptions);
        this.jar = build.resolve("switchboard-standalone.jar");
    }

    @Override
    public String name() {
        return "launcher";
    }

    @Override
    public String description() {
        return "Switchboard standalone launcher (Tyrus + Grizzly), `java " + jvmOptionsText() + " -jar "
                + jar.getFileName() + "`";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(port)));
        BENCH_SETTINGS.forEach((name, value) -> args.addAll(List.of("--set", name + "=" + value)));
        return RunningServer.startJvm(java(args), "Switchboard ready at", logFile);
    }
}
