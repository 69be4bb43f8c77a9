package dev.switchboard.appserver.tomcat;

import dev.switchboard.appserver.ShippedWar;
import dev.switchboard.contract.LineClient;
import dev.switchboard.contract.ServerUnderTest;
import dev.switchboard.contract.WsClient;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Tomcat checks every undeployed application for threads it left running and thread-local values of its classes
 * on the container's threads (which would keep its class loader, on every redeploy), and logs what it finds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TomcatUndeployIT {

    private static final String DEPLOYMENT = "undeployed";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive shippedWar() {
        return ShrinkWrap.create(WebArchive.class, DEPLOYMENT + ".war").merge(ShippedWar.withContractSettings());
    }

    @Test
    void anUndeployAfterUseLeavesNoThreadAndNoThreadLocalBehind() throws IOException {
        ServerUnderTest server = () -> URI.create(
                "http://127.0.0.1:" + System.getProperty("tomcat.http.port") + "/" + DEPLOYMENT + "/");
        Path log = catalinaLog();
        long before = Files.exists(log) ? Files.size(log) : 0;
        deployer.deploy(DEPLOYMENT);
        try {
            // Container threads run our code: handshakes, fan-outs under a room's lock, servlets, the line protocol.
            try (WsClient ann = WsClient.connect(server.ws("chat/leaks?name=ann"));
                 LineClient bob = LineClient.join(server.baseUri(), "leaks", "bob")) {
                ann.expect("welcome");
                bob.readLine();
                for (int i = 0; i < 20; i++) {
                    ann.say("said " + i);
                    server.publish("leaks", "bot", "published " + i);
                    bob.send("line " + i);
                }
                ann.nextOfType("message");
            }
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
        String written = writtenSince(log, before);
        assertFalse(written.contains("to enable ThreadLocal memory leak detection"),
                "Tomcat must run its ThreadLocal check (the --add-opens in arquillian.xml)");
        List<String> reports = written.lines().filter(line -> line.contains("[" + DEPLOYMENT + "]")
                && (line.contains("SEVERE") || line.contains("WARNING"))).toList();
        assertEquals(List.of(), reports, "Tomcat's reports about [/" + DEPLOYMENT + "] at undeploy");
    }

    private static Path catalinaLog() throws IOException {
        Path logs = Path.of(System.getProperty("tomcat.home"), "logs");
        Files.createDirectories(logs);
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(file -> file.getFileName().toString().startsWith("catalina."))
                    .max(java.util.Comparator.comparing(Path::toString))
                    .orElse(logs.resolve("catalina.log"));
        }
    }

    private static String writtenSince(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
