package dev.switchboard.bench.target;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The WAR deployed into WildFly 39 ({@link WildFlyServer}), with the same settings as system properties. */
public final class WildFlyTarget extends SwitchboardTarget {

    private final Path build;

    public WildFlyTarget(Path build, List<String> jvmOptions) {
        super(jvmOptions);
        this.build = build;
    }

    @Override
    public String name() {
        return "wildfly";
    }

    @Override
    public String description() {
        return "switchboard.war in WildFly " + WildFlyServer.VERSION + " (its own Undertow WebSocket), `java "
                + jvmOptionsText() + "`";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        List<String> settings = new ArrayList<>();
        BENCH_SETTINGS.forEach((name, value) -> settings.add("-Dswitchboard." + name + "=" + value));
        return RunningServer.startJvm(java(WildFlyServer.arguments(build, port, build.resolve("switchboard.war"),
                Path.of(logFile + ".wildfly"), settings)), WildFlyServer.READY, logFile);
    }

    @Override
    public URI base(int port) {
        return URI.create("http://127.0.0.1:" + port + "/" + WildFlyServer.CONTEXT_ROOT + "/");
    }
}
