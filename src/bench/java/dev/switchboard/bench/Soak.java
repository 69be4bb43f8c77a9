package dev.switchboard.bench;

import dev.switchboard.bench.target.LauncherTarget;
import dev.switchboard.bench.target.RunningServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak test of issue 13: one client floods HTTP publishes of {@value #TEXT_CHARS}-character messages into new
 * rooms ({@value #PER_ROOM} each, then the next room) against the launcher on its default engine with a small heap,
 * while a member sits in an existing room. Every second a probe asks {@code /health} and publishes into the existing
 * room, which the member must receive. The server must stay up, answer every probe and keep serving the room;
 * the report gives the heap high-water mark (the largest heap in use before any collection, from the GC log) and
 * what each status code was answered how often. The flood comes with the publish rate limit lifted, as an attacker
 * with many addresses would have it; the limits under test are the rooms' and the histories' memory.
 */
final class Soak {

    static final int TEXT_CHARS = 4096;
    static final int PER_ROOM = 1000;
    private static final int IN_FLIGHT = 16;
    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /** What a probe may take: generous; a longer one means the server stopped serving. */
    private static final Duration PROBE_GRACE = Duration.ofSeconds(10);
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path build;
    private final Path out;
    private final Duration duration;
    private final String heap;
    private final PrintStream log;

    Soak(Path build, Path out, Duration duration, String heap, PrintStream log) {
        this.build = build;
        this.out = out;
        this.duration = duration;
        this.heap = heap;
        this.log = log;
    }

    /** Runs the soak; true when the server held. */
    boolean run() throws Exception {
        Files.createDirectories(out);
        Path gcLog = out.resolve("soak-gc.log");
        Files.deleteIfExists(gcLog);
        LauncherTarget launcher = new LauncherTarget(build, List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog),
                "embedded");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_GRACE).build();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder failures = new LongAdder();
        Report report = new Report();
        log.printf(Locale.ROOT, "soak: %s of %d-character publishes into new rooms, launcher -Xmx%s on port %d%n",
                duration, TEXT_CHARS, heap, port);
        try (RunningServer server = launcher.start(port, out.resolve("soak-launcher.log"))) {
            Member member = Member.join(http, base, "soak-existing");
            String text = "x".repeat(TEXT_CHARS);
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            AtomicLong sent = new AtomicLong();
            long started = System.nanoTime();
            long nextProbe = started;
            while (System.nanoTime() - started < duration.toNanos()) {
                if (System.nanoTime() >= nextProbe) {
                    report.probe(probe(http, base, member));
                    nextProbe += PROBE_EVERY.toNanos();
                }
                if (!inFlight.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                long n = sent.getAndIncrement();
                String room = "soak-" + n / PER_ROOM;
                http.sendAsync(post(base, room, "{\"from\":\"flood\",\"text\":\"" + text + "\"}"),
                                HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            inFlight.release();
                            if (failure != null) {
                                failures.increment();
                            } else {
                                statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                            }
                        });
            }
            inFlight.acquire(IN_FLIGHT);
            report.probe(probe(http, base, member));
            report.alive = server.isAlive();
            report.health = get(http, base.resolve("health")).body();
            member.close();
        }
        report.elapsed = duration;
        report.statuses = new TreeMap<>();
        statuses.forEach((status, count) -> report.statuses.put(status, count.sum()));
        report.failures = failures.sum();
        readGcLog(gcLog, report);
        String markdown = report.markdown(heap);
        Files.writeString(out.resolve("soak.md"), markdown);
        log.println(markdown);
        return report.held();
    }

    private Probe probe(HttpClient http, URI base, Member member) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> health = get(http, base.resolve("health"));
            String text = "probe " + started;
            HttpResponse<String> published = http.send(post(base, member.room, "{\"from\":\"probe\",\"text\":\""
                    + text + "\"}"), HttpResponse.BodyHandlers.ofString());
            boolean received = published.statusCode() == 201 && member.awaitText(text, PROBE_GRACE);
            return new Probe(health.statusCode() == 200 && received, (System.nanoTime() - started) / 1e6,
                    health.statusCode() + " / " + published.statusCode() + (received ? "" : " / not received"));
        } catch (IOException | InterruptedException e) {
            return new Probe(false, (System.nanoTime() - started) / 1e6, e.toString());
        }
    }

    private static HttpRequest post(URI base, String room, String json) {
        return HttpRequest.newBuilder(base.resolve("api/rooms/" + room + "/messages")).timeout(PROBE_GRACE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(PROBE_GRACE).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void readGcLog(Path gcLog, Report report) throws IOException {
        if (!Files.exists(gcLog)) {
            return;
        }
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                report.collections++;
                report.heapHighWaterMb = Math.max(report.heapHighWaterMb, Long.parseLong(pause.group(1)));
                report.liveHighWaterMb = Math.max(report.liveHighWaterMb, Long.parseLong(pause.group(2)));
            }
        }
    }

    /** One probe: {@code /health} and a publish the member received. */
    private record Probe(boolean ok, double millis, String detail) {
    }

    /** A member of the existing room, collecting what it receives. */
    private static final class Member implements WebSocket.Listener {
        final String room;
        private final StringBuilder partial = new StringBuilder();
        private final java.util.concurrent.LinkedBlockingQueue<String> texts =
                new java.util.concurrent.LinkedBlockingQueue<>(10_000);
        private WebSocket socket;

        private Member(String room) {
            this.room = room;
        }

        static Member join(HttpClient http, URI base, String room) {
            Member member = new Member(room);
            member.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://" + base.getHost() + ":"
                    + base.getPort() + "/chat/" + room + "?name=watcher"), member).join();
            return member;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.offer(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        boolean awaitText(String text, Duration grace) throws InterruptedException {
            long deadline = System.nanoTime() + grace.toNanos();
            for (long left = grace.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                String received = texts.poll(left, TimeUnit.NANOSECONDS);
                if (received != null && received.contains(text)) {
                    return true;
                }
            }
            return false;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            CompletableFuture.runAsync(socket::abort, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
        }
    }

    /** What the soak saw. */
    private static final class Report {
        Duration elapsed;
        Map<Integer, Long> statuses;
        long failures;
        int probes;
        int failedProbes;
        double slowestProbeMillis;
        String lastFailedProbe = "";
        boolean alive;
        String health = "";
        long collections;
        long heapHighWaterMb;
        long liveHighWaterMb;

        void probe(Probe probe) {
            probes++;
            slowestProbeMillis = Math.max(slowestProbeMillis, probe.millis());
            if (!probe.ok()) {
                failedProbes++;
                lastFailedProbe = probe.detail();
            }
        }

        boolean held() {
            return alive && failedProbes == 0;
        }

        String markdown(String heap) {
            long published = statuses.getOrDefault(201, 0L);
            StringBuilder md = new StringBuilder("## Soak: " + elapsed.toSeconds() + " s of " + TEXT_CHARS
                    + "-character HTTP publishes into new rooms, launcher -Xmx" + heap + "\n\n");
            md.append("| | |\n|---|---|\n");
            md.append("| server up at the end | ").append(alive ? "yes" : "**no**").append(" |\n");
            md.append("| probes (`/health` + a publish the existing room's member received) | ").append(probes - failedProbes)
                    .append(" of ").append(probes).append(" ok").append(failedProbes > 0 ? " (last failure: "
                            + lastFailedProbe + ")" : "").append(", slowest ")
                    .append(String.format(Locale.ROOT, "%.0f ms", slowestProbeMillis)).append(" |\n");
            md.append("| flood answers | ").append(statuses).append(failures > 0 ? ", " + failures + " failed" : "")
                    .append(" |\n");
            md.append("| messages accepted | ").append(published).append(" (")
                    .append(String.format(Locale.ROOT, "%.0f", published / (double) elapsed.toSeconds()))
                    .append("/s), about ").append(published * TEXT_CHARS / (1024 * 1024)).append(" MiB of text |\n");
            md.append("| heap high-water (in use before a collection) | ").append(heapHighWaterMb).append(" MiB |\n");
            md.append("| live heap high-water (after a collection) | ").append(liveHighWaterMb).append(" MiB, ")
                    .append(collections).append(" collections |\n");
            md.append("| `/health` at the end | `").append(health).append("` |\n");
            md.append("\nResult: ").append(held() ? "held" : "**did not hold**").append('\n');
            return md.toString();
        }
    }
}
