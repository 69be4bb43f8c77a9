package dev.switchboard.bench.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * WildFly 39 for a benchmark target: the distribution the bench profile unpacks into {@code target/appservers}, started
 * the way {@code bin/standalone.sh} starts it but as the JVM itself (so its CPU and its heap are the target's), with a
 * fresh server directory, every port on 127.0.0.1, and one WAR deployed at {@code /switchboard} by the deployment
 * scanner at boot.
 */
final class WildFlyServer {

    static final String VERSION = "39.0.1.Final";
    /** "WildFly ... started in ...": logged once boot, the WAR's deployment included, is over. */
    static final String READY = "WFLYSRV0025";
    static final String CONTEXT_ROOT = "switchboard";

    /** What {@code bin/common.sh} adds on a modular JDK. */
    private static final List<String> MODULAR_OPTIONS = List.of(
            "--add-exports=java.desktop/sun.awt=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldaps=ALL-UNNAMED",
            "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.security=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.management/javax.management=ALL-UNNAMED",
            "--add-opens=java.naming/javax.naming=ALL-UNNAMED");

    private WildFlyServer() {
    }

    /**
     * The JVM arguments that boot WildFly on {@code port} with {@code war} as {@code switchboard.war}, in a fresh server
     * directory {@code base}; {@code systemProperties} come first.
     */
    static List<String> arguments(Path build, int port, Path war, Path base, List<String> systemProperties)
            throws IOException {
        Path home = build.resolve("appservers").resolve("wildfly-" + VERSION);
        if (!Files.isRegularFile(home.resolve("jboss-modules.jar"))) {
            throw new IOException("no WildFly in " + home + ": the bench profile unpacks it (mvn -Pbench verify)");
        }
        LauncherTarget.deleteRecursively(base);
        copy(home.resolve("standalone").resolve("configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(war, base.resolve("deployments").resolve(CONTEXT_ROOT + ".war"),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> args = new ArrayList<>(systemProperties);
        args.addAll(List.of("-D[Standalone]", "-Djava.net.preferIPv4Stack=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman", "-Djava.awt.headless=true"));
        args.addAll(MODULAR_OPTIONS);
        args.addAll(List.of(
                "-Dorg.jboss.boot.log.file=" + base.resolve("log").resolve("server.log"),
                "-Dlogging.configuration=file:" + base.resolve("configuration").resolve("logging.properties"),
                "-jar", home.resolve("jboss-modules.jar").toString(),
                "-mp", home.resolve("modules").toString(),
                "org.jboss.as.standalone",
                "-Djboss.home.dir=" + home,
                "-Djboss.server.base.dir=" + base,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + port,
                "-Djboss.https.port=" + freePort(),
                "-Djboss.management.http.port=" + freePort(),
                "-Djboss.management.https.port=" + freePort(),
                "-Djboss.ajp.port=" + freePort()));
        return args;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
