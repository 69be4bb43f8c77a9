package dev.switchboard.bench.target;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline: bare Tyrus endpoints on Tyrus's own Grizzly server, from the same Tyrus and Grizzly as the launcher.
 */
public final class RawTyrusTarget extends JvmTarget {

    public RawTyrusTarget(List<String> jvmOptions) {
        super(jvmOptions);
    }

    @Override
    public String name() {
        return "raw-tyrus";
    }

    @Override
    public String description() {
        return "bare `@ServerEndpoint`s on `org.glassfish.tyrus.server.Server` (same Tyrus and Grizzly), broadcasting "
                + "with `getAsyncRemote().sendText` per session, `java " + jvmOptionsText() + "`";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        return RunningServer.startJvm(java(List.of("-cp", Classpath.of(entry -> !Classpath.isGlassFish(entry)),
                RawTyrusServer.class.getName(), String.valueOf(port))), RawTyrusServer.READY, logFile);
    }
}
