package dev.switchboard.glassfish;

import dev.switchboard.appserver.DeployedWar;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.contract.Handshakes;
import dev.switchboard.contract.HttpApi;
import dev.switchboard.contract.RawHttp;
import dev.switchboard.contract.WsClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth=container in GlassFish: the application's login (HTTP BASIC through Jakarta Security, {@link FixedUsers})
 * names the member, and {@code auth.roles} maps its roles to room permissions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GlassFishContainerAuthIT extends DeployedWar {

    private static final String ROLES = "chat-user:lobby-*=sub,pub,hist,pres;chat-reader:lobby-*=sub";

    @Deployment(testable = false)
    static WebArchive warBehindTheContainersLogin() {
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>switchboard.auth</param-name><param-value>container</param-value></context-param>
                  <context-param><param-name>switchboard.auth.roles</param-name><param-value>%s</param-value></context-param>
                  <security-constraint>
                    <web-resource-collection><web-resource-name>chat</web-resource-name>
                      <url-pattern>/chat/*</url-pattern><url-pattern>/line/*</url-pattern><url-pattern>/api/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>chat-user</role-name><role-name>chat-reader</role-name></auth-constraint>
                  </security-constraint>
                  <login-config><auth-method>BASIC</auth-method><realm-name>switchboard</realm-name></login-config>
                  <security-role><role-name>chat-user</role-name></security-role>
                  <security-role><role-name>chat-reader</role-name></security-role>
                </web-app>
                """.formatted(ROLES);
        String roleMapping = """
                <glassfish-web-app>
                  <security-role-mapping><role-name>chat-user</role-name><group-name>chat-user</group-name></security-role-mapping>
                  <security-role-mapping><role-name>chat-reader</role-name><group-name>chat-reader</group-name></security-role-mapping>
                </glassfish-web-app>
                """;
        return ShrinkWrap.create(ZipImporter.class, "signed-in.war").importFrom(war).as(WebArchive.class)
                .addClass(FixedUsers.class)
                .setWebXML(new StringAsset(webXml))
                .addAsWebInfResource(new StringAsset(roleMapping), "glassfish-web.xml");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + FixedUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String room() {
        return "lobby-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aHandshakeWithoutSigningInIsRefused401() {
        RawHttp.Response refused = RawHttp.get(baseUri(), baseUri().getPath() + "chat/" + room(),
                Handshakes.headers(Handshakes.KEY, "13"));
        assertEquals(401, refused.status(), refused.body());
    }

    @Test
    void theSignedInNameIsTheMembersAndItsRoleLetsItSay() {
        try (WsClient ann = WsClient.connectWithHeader(ws("chat/" + room()), "Authorization", basic("ann"))) {
            assertEquals("ann", ann.expect("welcome").path("you").asText());
            ann.say("signed in by the container");
            assertEquals("signed in by the container", ann.expect("message").path("text").asText());
        }
    }

    @Test
    void aRoleWithoutPubMaySubscribeButNotSay() {
        try (WsClient rita = WsClient.connectWithHeader(ws("chat/" + room()), "Authorization", basic("rita"))) {
            rita.expect("welcome");
            rita.say("may I?");
            assertEquals("forbidden", rita.expect("error").path("code").asText());
        }
    }

    @Test
    void aRoomNoRoleGrantsIsRefused403() {
        List<String> headers = new ArrayList<>(List.of(Handshakes.headers(Handshakes.KEY, "13")));
        headers.add("Authorization: " + basic("ann"));
        RawHttp.Response refused = RawHttp.get(baseUri(), baseUri().getPath() + "chat/elsewhere",
                headers.toArray(String[]::new));
        assertEquals(403, refused.status(), refused.body());
    }

    @Test
    void aSignedInCallerPublishesAsItselfOnly() throws Exception {
        String room = room();
        assertEquals(403, post(room, "ann", HttpApi.object("from", "bob", "text", "as bob")).statusCode());
        HttpResponse<String> own = post(room, "ann", "{\"text\":\"as me\"}");
        assertEquals(201, own.statusCode(), own.body());
        JsonNode message = HttpApi.json(own);
        assertEquals("ann", message.path("from").asText());
    }

    private HttpResponse<String> post(String room, String user, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(http("api/rooms/" + room + "/messages"))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
