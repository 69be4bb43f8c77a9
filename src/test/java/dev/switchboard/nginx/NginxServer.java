package dev.switchboard.nginx;

import dev.switchboard.contract.LoopbackPorts;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real {@code nginx} (Debian's, installed by {@code .ci/run}) on a free loopback port in front of one upstream,
 * proxying with the shipped {@code deploy/proxy/switchboard-proxy.conf}: what is tested is what users install.
 */
public final class NginxServer implements AutoCloseable {

    private static final Path SHIPPED_PROXY_CONF = Path.of("deploy/proxy/switchboard-proxy.conf").toAbsolutePath();

    private final Path dir;
    private final int port;
    private final Process process;

    private NginxServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts nginx in front of {@code 127.0.0.1:upstreamPort}; returns once it accepts connections. */
    public static NginxServer inFrontOf(int upstreamPort) throws IOException {
        Path dir = Files.createTempDirectory("switchboard-nginx");
        int port = LoopbackPorts.free();
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    map $http_upgrade $connection_upgrade {
                        default upgrade;
                        ''      close;
                    }
                    upstream switchboard { server 127.0.0.1:%2$d; }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / { include %4$s; }
                    }
                }
                """.formatted(dir, upstreamPort, port, SHIPPED_PROXY_CONF));
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        Process process = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!LoopbackPorts.accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return new NginxServer(dir, port, process);
    }

    /** The proxy's base URI, with a trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
