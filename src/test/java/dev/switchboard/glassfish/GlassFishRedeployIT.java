package dev.switchboard.glassfish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.contract.ServerUnderTest;
import dev.switchboard.contract.WsClient;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default (embedded) engine in an application server: the WAR undeployed and deployed again twice in one
 * running GlassFish keeps its rooms, and each undeploy releases the store's threads and files, so the next
 * deployment (a new class loader, the SQLite native library loaded again) opens the same data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishRedeployIT {

    private static final String DEPLOYMENT = "redeployed";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive shippedWarAtItsOwnContextRoot() {
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        return ShrinkWrap.create(ZipImporter.class, DEPLOYMENT + ".war").importFrom(war).as(WebArchive.class);
    }

    @Test
    void historyAndSeqSurviveTwoRedeploysAndEachUndeployReleasesTheStore() {
        ServerUnderTest server = () -> URI.create(
                "http://localhost:" + System.getProperty("glassfish.http.port") + "/" + DEPLOYMENT + "/");
        String room = "redeploy-" + Long.toString(System.nanoTime(), 36);
        String epoch = null;
        for (int deployment = 1; deployment <= 3; deployment++) {
            deployer.deploy(DEPLOYMENT);
            try {
                JsonNode history = HttpApi.json(HttpApi.get(server.http("api/rooms/" + room + "/messages")));
                assertEquals((deployment - 1) * 2L, history.path("lastSeq").asLong(),
                        "deployment " + deployment + " sees every earlier message: " + history);
                try (WsClient member = WsClient.connect(server.ws("chat/" + room + "?name=ann"))) {
                    String seen = member.expect("welcome").path("epoch").asText();
                    assertTrue(epoch == null || epoch.equals(seen), "the same history keeps its epoch");
                    epoch = seen;
                    for (int i = 1; i <= 2; i++) {
                        JsonNode said = server.publish(room, "bot", "deployment " + deployment + " message " + i);
                        assertEquals((deployment - 1) * 2L + i, said.path("seq").asLong(), "seq continues");
                        assertEquals(said, member.nextOfType("message"));
                    }
                }
            } finally {
                deployer.undeploy(DEPLOYMENT);
            }
            awaitNoSwitchboardThreads();
        }
    }

    /** Undeploy ends every thread the application started (they would pin its class loader). */
    private static void awaitNoSwitchboardThreads() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("switchboard-"))
                    .toList();
            if (alive.isEmpty()) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("threads left after undeploy: " + alive);
    }
}
