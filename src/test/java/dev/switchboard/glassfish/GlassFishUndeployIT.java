package dev.switchboard.glassfish;

import dev.switchboard.contract.WebXml;
import dev.switchboard.contract.Goodbye;
import dev.switchboard.contract.RawWebSocket;
import dev.switchboard.contract.ServerUnderTest;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Undeploying the WAR: queued messages are flushed to every member before close 1001. The deployment carries
 * servlet context parameters (a queue big enough to hold the backlog, and a shutdown grace generous enough for 12 MB
 * on a loaded machine: the promise is "within the grace", not "within five seconds"), which the WAR reads as
 * settings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishUndeployIT {

    private static final String DEPLOYMENT = "undeployed";
    private static final String WEB_XML = WebXml.withContextParameters(Map.of(
            "queue.max.bytes", "67108864",
            "queue.max.messages", "100000",
            "shutdown.grace", "60s",
            "publish.rate.per.second", "1000000",
            "publish.rate.burst", "1000000"));

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive shippedWarWithContextParameters() {
        return GlassFishContractIT.shippedWar().setWebXML(new StringAsset(WEB_XML));
    }

    @Test
    void undeployingTheWarGivesAMemberWithABacklogAllItsMessagesThenClose1001() throws Exception {
        deployer.deploy(DEPLOYMENT);
        ServerUnderTest server = () -> URI.create(
                "http://localhost:" + System.getProperty("glassfish.http.port") + "/switchboard/");
        try (RawWebSocket reader = RawWebSocket.open(server.baseUri(), "chat/goodbye?name=reader", 4096)) {
            reader.readFrame(); // welcome; from now on it reads nothing until the WAR is going away
            // It does not read, but it is alive: a pong a second keeps the server's idle timeout (a few seconds in
            // the contract's settings) from closing it while its backlog builds and while the undeploy flushes it.
            ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
            heartbeat.scheduleAtFixedRate(reader::trySendPong, 0, 1, TimeUnit.SECONDS);
            try {
                int published = 3000;
                String text = "x".repeat(4000);
                for (int i = 0; i < published; i++) {
                    server.publish("goodbye", "bot", text);
                }
                // Arquillian's deployer works on the test's thread, so the reader waits on another one until the WAR
                // stops answering, i.e. until the undeploy (which waits for the flush) is under way.
                CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (healthStatus(server) == 200 && System.nanoTime() < deadline) {
                        LockSupport.parkNanos(5_000_000);
                    }
                    // From here it reads, and sends nothing: a pong the server had not read when the undeploy closes
                    // the socket would turn the close into a reset, and the backlog still in flight would be lost.
                    heartbeat.shutdownNow();
                    try {
                        Goodbye.assertMessagesThenGoingAway(reader, published);
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                });
                deployer.undeploy(DEPLOYMENT);
                reading.get(60, TimeUnit.SECONDS);
            } finally {
                heartbeat.shutdownNow();
            }
        }
    }

    private static int healthStatus(ServerUnderTest server) {
        try {
            HttpURLConnection health = (HttpURLConnection) server.http("health").toURL().openConnection();
            health.setConnectTimeout(1000);
            health.setReadTimeout(1000);
            int status = health.getResponseCode();
            health.disconnect();
            return status;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
