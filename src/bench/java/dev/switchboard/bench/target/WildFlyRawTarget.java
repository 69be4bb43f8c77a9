package dev.switchboard.bench.target;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** {@link RawWar} in the same WildFly as the {@code wildfly} target: that container's own ceiling. */
public final class WildFlyRawTarget extends JvmTarget {

    private final Path build;

    public WildFlyRawTarget(Path build, List<String> jvmOptions) {
        super(jvmOptions);
        this.build = build;
    }

    @Override
    public String name() {
        return "wildfly-raw";
    }

    @Override
    public String description() {
        return "a WAR of two bare `@ServerEndpoint`s (echo; broadcast with `getAsyncRemote().sendText` per session) in "
                + "the same WildFly " + WildFlyServer.VERSION + ", `java " + jvmOptionsText() + "`";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        Path war = RawWar.write(Path.of(logFile + ".raw.war"));
        return RunningServer.startJvm(java(WildFlyServer.arguments(build, port, war, Path.of(logFile + ".wildfly"),
                List.of())), WildFlyServer.READY, logFile);
    }

    @Override
    public URI base(int port) {
        return URI.create("http://127.0.0.1:" + port + "/" + WildFlyServer.CONTEXT_ROOT + "/");
    }
}
