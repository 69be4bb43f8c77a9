package dev.switchboard.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Autobahn TestSuite's fuzzing client (crossbario's RFC 6455 conformance suite, Jython build bundled by
 * the autobahntestsuite-maven-plugin artifact) against one WebSocket URL, and reads its report.
 */
final class AutobahnFuzzingClient {

    static final Path TOOLS = Path.of("target", "autobahn", "tools");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.time.Duration RUN_LIMIT = java.time.Duration.ofMinutes(10);
    /** How long a crashed client's log stays still before it is stopped (a case never waits this long). */
    private static final java.time.Duration CRASH_QUIET = java.time.Duration.ofSeconds(30);
    private static final int ATTEMPTS = 2;

    /** One case's outcome as the suite judged it. */
    record Outcome(String behavior, String closeBehavior) {
    }

    /** The report of one run: outcome per case id (e.g. {@code 6.4.1}). */
    record Report(String agent, Map<String, Outcome> cases, Path directory) {

        long count(String behavior) {
            return cases.values().stream().filter(o -> o.behavior().equals(behavior)).count();
        }

        /** Cases whose behaviour or close behaviour the suite calls FAILED. */
        Map<String, Outcome> failed() {
            Map<String, Outcome> failed = new TreeMap<>();
            cases.forEach((id, o) -> {
                if ("FAILED".equals(o.behavior()) || "FAILED".equals(o.closeBehavior())) {
                    failed.put(id, o);
                }
            });
            return failed;
        }

        /** {@code autobahn launcher: 247 cases, 247 passed (241 OK, 3 NON-STRICT, 3 INFORMATIONAL), 0 failed}. */
        String summary() {
            return "autobahn " + agent + ": " + cases.size() + " cases, " + (cases.size() - failed().size())
                    + " passed (" + count("OK") + " OK, " + count("NON-STRICT") + " NON-STRICT, "
                    + count("INFORMATIONAL") + " INFORMATIONAL by message behaviour), " + failed().size()
                    + " failed (message or close behaviour)";
        }

        /** Counts per case group, e.g. {@code 6 -> {OK=142, NON-STRICT=3}}. */
        Map<Integer, Map<String, Long>> byGroup() {
            Map<Integer, Map<String, Long>> groups = new TreeMap<>();
            cases.forEach((id, o) -> groups.computeIfAbsent(Integer.parseInt(id.split("\\.")[0]), g -> new TreeMap<>())
                    .merge(o.behavior(), 1L, Long::sum));
            return groups;
        }
    }

    private AutobahnFuzzingClient() {
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private enum Ending { EXITED, CRASHED, TIMED_OUT }

    /**
     * Waits for the client to exit. A client that crashed inside Twisted's reactor logs "Unhandled Error" and then
     * never exits: once its log has said so and stayed still for {@link #CRASH_QUIET}, it is stopped.
     */
    private static Ending awaitEnd(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        long lastSize = -1;
        long stillSince = System.nanoTime();
        while (!process.waitFor(1, TimeUnit.SECONDS)) {
            long size = Files.exists(log) ? Files.size(log) : 0;
            if (size != lastSize) {
                lastSize = size;
                stillSince = System.nanoTime();
            } else if (System.nanoTime() - stillSince > CRASH_QUIET.toNanos()
                    && Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Unhandled Error")) {
                process.destroyForcibly().waitFor();
                return Ending.CRASHED;
            }
            if (System.nanoTime() - deadline > 0) {
                process.destroyForcibly().waitFor();
                return Ending.TIMED_OUT;
            }
        }
        return Ending.EXITED;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * Runs the given case groups (e.g. {@code 1.*,2.*}) against {@code url}, writing the HTML and JSON reports to
     * {@code target/autobahn/<agent>}.
     */
    static Report run(String agent, URI url, String cases) throws IOException, InterruptedException {
        Path jython = TOOLS.resolve("jython-standalone.jar").toAbsolutePath();
        Path suite = TOOLS.resolve("autobahntestsuite-maven-plugin.jar").toAbsolutePath();
        if (!Files.exists(jython) || !Files.exists(suite)) {
            throw new IllegalStateException("run through Maven: it copies the suite to " + TOOLS);
        }
        Path directory = Path.of("target", "autobahn", agent).toAbsolutePath();
        // A report left by an earlier run must never be read as this one's.
        deleteRecursively(directory.resolve("report"));
        Files.createDirectories(directory);
        ObjectNode spec = JSON.createObjectNode();
        spec.putObject("options").put("failByDrop", false);
        spec.put("outdir", directory.resolve("report").toString());
        spec.putArray("servers").addObject().put("agent", agent).put("url", url.toString())
                .putObject("options").put("version", 18);
        var caseList = spec.putArray("cases");
        for (String group : cases.split(",")) {
            caseList.add(group.trim());
        }
        spec.putArray("exclude-cases");
        spec.putObject("exclude-agent-cases");
        Path specFile = directory.resolve("fuzzingclient.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(specFile.toFile(), spec);

        Path log = directory.resolve("fuzzingclient.log");
        for (int attempt = 1; ; attempt++) {
            Process process = new ProcessBuilder("java", "-Dpython.path=" + suite, "-jar", jython.toString(),
                    "-m", "autobahntestsuite.wstest", "-m", "fuzzingclient", "-s", specFile.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Ending ending = awaitEnd(process, log);
            if (ending == Ending.CRASHED && attempt < ATTEMPTS) {
                // The Jython client's own bug (e.g. KeyError 'closedByMe' in a case's onConnectionLost when a
                // connection ends before the case set up its state): a fresh run gets a complete report.
                java.util.logging.Logger.getLogger(AutobahnFuzzingClient.class.getName()).warning(
                        "the Autobahn fuzzing client crashed inside Twisted; running it again. Its log ended: "
                                + tail(log));
                continue;
            }
            if (ending != Ending.EXITED) {
                throw new IllegalStateException("the fuzzing client " + (ending == Ending.CRASHED
                        ? "crashed inside Twisted (Unhandled Error) in each of " + ATTEMPTS + " runs"
                        : "did not finish within " + RUN_LIMIT) + "; its log ends: " + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the fuzzing client failed (" + process.exitValue() + "); see " + log);
            }
            break;
        }
        JsonNode index = JSON.readTree(directory.resolve("report").resolve("index.json").toFile()).path(agent);
        Map<String, Outcome> outcomes = new TreeMap<>();
        index.fields().forEachRemaining(entry -> outcomes.put(entry.getKey(), new Outcome(
                entry.getValue().path("behavior").asText(), entry.getValue().path("behaviorClose").asText())));
        return new Report(agent, outcomes, directory);
    }
}
