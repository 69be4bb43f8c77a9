package dev.switchboard.redis;

import dev.switchboard.contract.LoopbackPorts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} (Debian's package) for one test: its own free loopback port and temp directory, AOF
 * with an fsync per write and no snapshots, stopped by its PID. It can be stopped (SIGTERM or SIGKILL) and started
 * again on the same port and data.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final String password;
    private Process process;

    private RedisServer(int port, Path dir, String password) {
        this.port = port;
        this.dir = dir;
        this.password = password;
    }

    /** Starts a fresh server; fails the test with the reason when {@code redis-server} is not installed. */
    public static RedisServer start() throws IOException {
        return start(null);
    }

    /** Starts a fresh server that requires this password ({@code requirepass}), or none when null. */
    public static RedisServer start(String password) throws IOException {
        RedisServer server = new RedisServer(LoopbackPorts.free(), Files.createTempDirectory("switchboard-redis"), password);
        server.startAgain();
        return server;
    }

    /** {@code redis://[:password@]127.0.0.1:PORT/0}. */
    public String uri() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port + "/0";
    }

    public int port() {
        return port;
    }

    /** Starts the server again on the same port and directory (and AOF), and waits until it answers PING. */
    public void startAgain() throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always",
                "--save", "", "--maxmemory-policy", "noeviction"));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** SIGTERM: Redis flushes its AOF and exits. */
    public void stop() throws InterruptedException {
        process.destroy();
        awaitExit();
    }

    /** SIGKILL: nothing but what was already fsynced survives. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit();
    }

    private void awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("redis-server did not stop");
        }
    }

    /** Runs commands against the server with its own short-lived client (FLUSHALL, CLIENT KILL, ...). */
    public void with(Consumer<RedisCommands<String, String>> commands) {
        RedisURI uri = RedisURI.create(uri());
        uri.setTimeout(Duration.ofSeconds(10));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            commands.accept(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, 1);
            // +PONG, or -NOAUTH from a server that wants its password: either way it is up.
            return read == 1 && (reply[0] == '+' || reply[0] == '-');
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Lines of the server's log, for a failure message. */
    public List<String> log() throws IOException {
        return Files.readAllLines(dir.resolve("redis.log"));
    }
}
