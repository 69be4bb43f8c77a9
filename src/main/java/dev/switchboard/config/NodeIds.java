package dev.switchboard.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

/** The default {@code node.id}: host name, process id and a random suffix, so two nodes never share one. */
final class NodeIds {

    private NodeIds() {
    }

    static String generate() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "-");
        } catch (UnknownHostException e) {
            host = "node";
        }
        if (host.length() > 32) {
            host = host.substring(0, 32);
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    }
}
