package dev.switchboard.bench.target;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The WAR deployed into GlassFish 7 embedded ({@link GlassFishServer}), in a JVM of its own. */
public final class GlassFishTarget extends SwitchboardTarget {

    /** GlassFish reaches into JDK internals; the same flags as the Arquillian runs. */
    private static final List<String> ADD_OPENS = List.of("java.base/java.lang", "java.base/java.io",
            "java.base/java.util", "java.base/java.net", "java.base/sun.nio.ch", "java.base/java.lang.invoke",
            "java.naming/javax.naming.spi", "java.rmi/sun.rmi.transport", "java.logging/java.util.logging",
            "java.base/jdk.internal.loader", "java.base/jdk.internal.vm.annotation",
            "java.base/sun.net.www.protocol.jrt", "java.base/sun.net.www.protocol.jar");

    private final Path war;

    public GlassFishTarget(Path build, List<String> jvmOptions) {
        super(jvmOptions);
        this.war = build.resolve("switchboard.war");
    }

    @Override
    public String name() {
        return "glassfish";
    }

    @Override
    public String description() {
        return "switchboard.war in GlassFish 7.0.25 embedded (its own Tyrus and Grizzly), `java "
                + jvmOptionsText() + "`";
    }

    @Override
    public RunningServer start(int port, Path logFile) throws IOException, InterruptedException {
        List<String> settings = new ArrayList<>();
        BENCH_SETTINGS.forEach((name, value) -> settings.add("-Dswitchboard." + name + "=" + value));
        return RunningServer.startJvm(java(glassFishArguments(port, war, settings)), GlassFishServer.READY, logFile);
    }

    /** The JVM arguments that run {@link GlassFishServer} on {@code port} with {@code war}, after {@code first}. */
    static List<String> glassFishArguments(int port, Path war, List<String> first) {
        List<String> args = new ArrayList<>(first);
        ADD_OPENS.forEach(module -> args.add("--add-opens=" + module + "=ALL-UNNAMED"));
        String classpath = Classpath.of(entry -> Classpath.isGlassFish(entry) || Classpath.isBenchClasses(entry));
        args.addAll(List.of("-cp", classpath, GlassFishServer.class.getName(), String.valueOf(port), war.toString()));
        return args;
    }

    @Override
    public URI base(int port) {
        return URI.create("http://127.0.0.1:" + port + "/" + GlassFishServer.CONTEXT_ROOT + "/");
    }
}
