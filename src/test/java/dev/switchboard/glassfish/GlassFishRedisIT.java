package dev.switchboard.glassfish;

import dev.switchboard.contract.WebXml;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.ServerUnderTest;
import dev.switchboard.contract.WsClient;
import dev.switchboard.redis.RedisServer;
import dev.switchboard.standalone.LauncherProcess;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The WAR in GlassFish and a launcher node on the same Redis form one room: the contract holds across runtimes.
 * The WAR's settings come from servlet context parameters.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishRedisIT {

    private static final String DEPLOYMENT = "clustered";
    private static RedisServer redis;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive shippedWarOnRedis() throws IOException {
        redis = RedisServer.start();
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        return ShrinkWrap.create(ZipImporter.class, DEPLOYMENT + ".war").importFrom(war).as(WebArchive.class)
                .setWebXML(new StringAsset(WebXml.withContextParameters(Map.of("engine", "redis",
                        "redis.uri", redis.uri(), "node.id", "glassfish", "redis.node.timeout", "3s"))));
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @Test
    void theWarAndALauncherOnOneRedisAreOneRoom() throws Exception {
        deployer.deploy(DEPLOYMENT);
        ServerUnderTest glassfish = () -> URI.create(
                "http://localhost:" + System.getProperty("glassfish.http.port") + "/" + DEPLOYMENT + "/");
        try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--set", "engine=redis",
                "--set", "redis.uri=" + redis.uri(), "--set", "node.id=launcher", "--set", "redis.node.timeout=3s");
             WsClient onGlassFish = WsClient.connect(glassfish.ws("chat/mixed?name=ann"));
             WsClient onLauncher = WsClient.connect(launcher.ws("chat/mixed?name=bob"))) {
            onGlassFish.expect("welcome");
            onLauncher.expect("welcome");
            assertEquals("bob", onGlassFish.nextOfType("join", Duration.ofSeconds(30)).path("name").asText());
            ServerUnderTest launcherApi = launcher::baseUri;

            JsonNode fromLauncher = launcherApi.publish("mixed", "bot", "said on the launcher");
            JsonNode fromGlassFish = glassfish.publish("mixed", "bot", "said in GlassFish");
            assertEquals(fromLauncher.path("seq").asLong() + 1, fromGlassFish.path("seq").asLong());
            for (WsClient member : new WsClient[] {onGlassFish, onLauncher}) {
                assertEquals(fromLauncher, member.nextOfType("message"));
                assertEquals(fromGlassFish, member.nextOfType("message"));
            }
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }
}
