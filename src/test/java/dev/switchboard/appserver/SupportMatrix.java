package dev.switchboard.appserver;

import dev.switchboard.contract.LineContract;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes {@code target/support-matrix.md} from the test reports this build left in {@code target/}: per runtime, the
 * contract, the line protocol, Autobahn and permessage-deflate, with counts. Run after each profile's ITs
 * ({@code post-integration-test}); a runtime whose reports are not there says "not run".
 */
public final class SupportMatrix {

    private record Runtime(String name, String version, Path reports, String contractClass, String autobahnName,
                           String deflateClass) {
    }

    private record Counts(int run, int failed, int skipped) {
        int passed() {
            return run - failed - skipped;
        }

        Counts plus(Counts other) {
            return new Counts(run + other.run, failed + other.failed, skipped + other.skipped);
        }
    }

    /** The line test that runs where the runtime cannot carry the line protocol. */
    private static final String REFUSED_501 = "whereTheRuntimeCannotCarryTheLineProtocol";

    private SupportMatrix() {
    }

    /** @param args the target directory, then NAME=VERSION for each runtime */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        java.util.Map<String, String> versions = Arrays.stream(args).skip(1).map(arg -> arg.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        List<Runtime> runtimes = List.of(
                new Runtime("launcher (Tyrus + Grizzly)", versions.get("tyrus"), target.resolve("surefire-reports"),
                        "dev.switchboard.standalone.LauncherContractTest", "launcher",
                        "dev.switchboard.standalone.LauncherDeflateTest"),
                new Runtime("GlassFish (embedded)", versions.get("glassfish"), target.resolve("failsafe-reports"),
                        "dev.switchboard.glassfish.GlassFishContractIT", "glassfish", null),
                new Runtime("WildFly", versions.get("wildfly"), target.resolve("failsafe-reports-wildfly"),
                        "dev.switchboard.appserver.wildfly.WildFlyContractIT", "wildfly", null),
                new Runtime("Payara", versions.get("payara"), target.resolve("failsafe-reports-payara"),
                        "dev.switchboard.appserver.payara.PayaraContractIT", "payara", null),
                new Runtime("Tomcat", versions.get("tomcat"), target.resolve("failsafe-reports-tomcat"),
                        "dev.switchboard.appserver.tomcat.TomcatContractIT", "tomcat", null),
                new Runtime("Jetty (ee10, embedded)", versions.get("jetty"), target.resolve("failsafe-reports-jetty"),
                        "dev.switchboard.appserver.jetty.JettyContractIT", "jetty", null),
                new Runtime("Open Liberty", versions.get("liberty"), target.resolve("failsafe-reports-liberty"),
                        "dev.switchboard.appserver.liberty.LibertyContractIT", "liberty", null));
        Set<String> lineTests = Arrays.stream(LineContract.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        List<String> lines = new ArrayList<>(List.of(
                "| runtime | version | contract | line protocol | Autobahn (1-7, 10) | permessage-deflate |",
                "|---|---|---|---|---|---|"));
        for (Runtime runtime : runtimes) {
            Path report = runtime.reports().resolve("TEST-" + runtime.contractClass() + ".xml");
            if (!Files.exists(report)) {
                lines.add("| " + runtime.name() + " | " + orDash(runtime.version()) + " | not run | – | – | – |");
                continue;
            }
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
            Counts contract = counts(xml, name -> true);
            Counts line = counts(xml, name -> lineTests.contains(name) && !name.startsWith(REFUSED_501));
            Counts refused = counts(xml, name -> name.startsWith(REFUSED_501));
            String lineColumn = refused.passed() > 0 ? "refused with 501 (see conformance.md; "
                    + describe(refused) + ")" : describe(line);
            lines.add("| " + runtime.name() + " | " + orDash(runtime.version()) + " | " + describe(contract)
                    + " | " + lineColumn
                    + " | " + autobahn(target.resolve("autobahn").resolve(runtime.autobahnName()))
                    + " | " + deflate(runtime) + " |");
        }
        lines.add("");
        lines.add("Generated " + Instant.now() + " from the reports in target/ (SupportMatrix).");
        Files.writeString(target.resolve("support-matrix.md"), String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    private static String orDash(String value) {
        return value == null ? "–" : value;
    }

    private static String describe(Counts counts) {
        return counts.passed() + "/" + (counts.run() - counts.skipped()) + " passed"
                + (counts.failed() > 0 ? ", " + counts.failed() + " FAILED" : "")
                + (counts.skipped() > 0 ? ", " + counts.skipped() + " skipped" : "");
    }

    private static Counts counts(Document xml, java.util.function.Predicate<String> testName) {
        NodeList cases = xml.getElementsByTagName("testcase");
        Counts counts = new Counts(0, 0, 0);
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            if (!testName.test(testCase.getAttribute("name").replaceAll("\\(.*", ""))) {
                continue;
            }
            boolean failed = testCase.getElementsByTagName("failure").getLength() > 0
                    || testCase.getElementsByTagName("error").getLength() > 0;
            boolean skipped = testCase.getElementsByTagName("skipped").getLength() > 0;
            counts = counts.plus(new Counts(1, failed ? 1 : 0, skipped ? 1 : 0));
        }
        return counts;
    }

    /** From the suite's own index: cases that passed (OK, NON-STRICT, INFORMATIONAL, and a clean close) of all. */
    private static String autobahn(Path directory) throws IOException {
        Path index = directory.resolve("report").resolve("index.json");
        if (!Files.exists(index)) {
            return "not run";
        }
        int total = 0;
        int failed = 0;
        for (var agent : (Iterable<com.fasterxml.jackson.databind.JsonNode>)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(index.toFile())::elements) {
            for (var outcome : (Iterable<com.fasterxml.jackson.databind.JsonNode>) agent::elements) {
                total++;
                if ("FAILED".equals(outcome.path("behavior").asText())
                        || "FAILED".equals(outcome.path("behaviorClose").asText())) {
                    failed++;
                }
            }
        }
        return (total - failed) + "/" + total + (failed == 0 ? "" : " (" + failed + " FAILED)");
    }

    private static String deflate(Runtime runtime) throws Exception {
        if (runtime.deflateClass() == null) {
            return "not offered";
        }
        Path report = runtime.reports().resolve("TEST-" + runtime.deflateClass() + ".xml");
        if (!Files.exists(report)) {
            return "not run";
        }
        return describe(counts(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()),
                name -> true));
    }
}
