package dev.switchboard.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The WAR's default {@code data.dir}: a {@code switchboard-data/CONTEXT} directory under the application server's
 * own writable directory, so each deployment keeps its rooms where the server keeps its state.
 */
final class ServerDataDirectory {

    /** System properties that name a server's writable directory, in the order they are tried. */
    private static final List<String> SERVER_DIRECTORIES = List.of(
            "com.sun.aas.instanceRoot", // GlassFish, Payara: the domain directory
            "jboss.server.data.dir",    // WildFly
            "server.output.dir",        // Open Liberty
            "catalina.base",            // Tomcat
            "jetty.base");              // Jetty

    private ServerDataDirectory() {
    }

    /** @param contextPath the deployment's context path, empty for the root context */
    static Path forContext(String contextPath) {
        String context = contextPath == null || contextPath.isEmpty() || contextPath.equals("/")
                ? "ROOT" : contextPath.replaceAll("^/", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        for (String property : SERVER_DIRECTORIES) {
            String directory = System.getProperty(property);
            if (directory != null && !directory.isBlank()) {
                return Path.of(directory, "switchboard-data", context);
            }
        }
        return Path.of(System.getProperty("user.home"), "switchboard-data", context);
    }
}
