package dev.switchboard.bench.target;

import org.glassfish.embeddable.GlassFish;
import org.glassfish.embeddable.GlassFishException;
import org.glassfish.embeddable.GlassFishProperties;
import org.glassfish.embeddable.GlassFishRuntime;

import java.io.File;
import java.net.ServerSocket;

/**
 * {@code GlassFishServer PORT WAR}: GlassFish 7 embedded with the WAR deployed at {@code /switchboard}, the way the
 * Arquillian tests deploy it, as a process of its own for the benchmark. Stops on SIGTERM.
 */
public final class GlassFishServer {

    static final String READY = "GlassFish ready";
    static final String CONTEXT_ROOT = "switchboard";

    private GlassFishServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        GlassFishProperties properties = new GlassFishProperties();
        properties.setPort("http-listener", port);
        properties.setPort("https-listener", freePort());
        GlassFish glassFish = GlassFishRuntime.bootstrap().newGlassFish(properties);
        glassFish.start();
        glassFish.getDeployer().deploy(new File(args[1]), "--contextroot=" + CONTEXT_ROOT, "--name=" + CONTEXT_ROOT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                glassFish.dispose();
            } catch (GlassFishException e) {
                e.printStackTrace();
            }
        }));
        System.out.println(READY + " on port " + port);
        Thread.currentThread().join();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
