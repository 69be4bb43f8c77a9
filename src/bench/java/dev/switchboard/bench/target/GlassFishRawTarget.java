package dev.switchboard.bench.target;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link RawWar} in the same GlassFish 7 embedded as the {@code glassfish} target: what the container itself does for
 * a bare echo and a bare broadcast, so the Switchboard WAR's numbers can be read against its container's limit.
 */
public final class GlassFishRawTarget extends JvmTarget {

    public GlassFishRawTarget(List<String> jvmOptions) {
        super(jvmOptions);
    }

    @Override
    public String name() {
        return "glassfish-raw";
    }

    @Override
    public String description() {
        return "a WAR of two bare `@ServerEndpoint`s (echo; broadcast with `getAsyncRemote().sendText` per session) in "
                + "the same GlassFish 7.0.25 embedded, `java " + jvmOptionsText() + "`";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        Path war = RawWar.write(Path.of(logFile + ".raw.war"));
        return RunningServer.startJvm(java(GlassFishTarget.glassFishArguments(port, war, List.of())),
                GlassFishServer.READY, logFile);
    }

    @Override
    public URI base(int port) {
        return URI.create("http://127.0.0.1:" + port + "/" + GlassFishServer.CONTEXT_ROOT + "/");
    }
}
