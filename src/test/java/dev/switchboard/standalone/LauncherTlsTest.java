package dev.switchboard.standalone;

import dev.switchboard.config.Settings;
import dev.switchboard.config.SettingsSource;
import dev.switchboard.contract.Conditions;
import dev.switchboard.contract.LineClient;
import dev.switchboard.contract.WsClient;
import dev.switchboard.tls.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tls.cert} + {@code tls.key}: the launcher's one port speaks https:// and wss:// (and the line protocol). */
class LauncherTlsTest {

    private static final Duration RELOAD_GRACE = Duration.ofSeconds(30);

    private final TestCertificates authority = new TestCertificates();
    private Path dir;
    private TestCertificates.Issued first;
    private StandaloneServer server;
    private SSLContext client;

    @BeforeEach
    void startWithAPemCertificate() throws IOException {
        dir = Files.createTempDirectory("switchboard-tls");
        first = authority.issue(dir, "server", "first");
        client = authority.clientContext();
        server = StandaloneServer.start("127.0.0.1", 0, Settings.load(SettingsSource.flags(Map.of(
                "engine", "memory", "tls.cert", first.certFile().toString(), "tls.key", first.keyFile().toString()))));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        TempDirectories.delete(dir);
    }

    private URI wss(String pathAndQuery) {
        return URI.create("wss://127.0.0.1:" + server.port() + "/" + pathAndQuery);
    }

    private HttpClient https() {
        return HttpClient.newBuilder().sslContext(client).connectTimeout(WsClient.TIMEOUT).build();
    }

    @Test
    void theBaseUriSaysHttps() {
        assertEquals("https", server.baseUri().getScheme());
    }

    @Test
    void membersChatOverWss() {
        String room = "tls-" + UUID.randomUUID();
        HttpClient http = https();
        try (WsClient ann = WsClient.connectWith(http, wss("chat/" + room + "?name=ann"))) {
            ann.expect("welcome");
            try (WsClient bob = WsClient.connectWith(http, wss("chat/" + room + "?name=bob"))) {
                bob.expect("welcome");
                ann.say("over TLS");
                assertEquals("over TLS", bob.nextOfType("message").path("text").asText());
            }
        }
    }

    @Test
    void httpsRequestsAreServed() throws Exception {
        HttpResponse<String> health = https().send(HttpRequest.newBuilder(server.baseUri().resolve("health"))
                .timeout(WsClient.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
    }

    @Test
    void theLineProtocolUpgradesAnHttpsRequest() throws IOException {
        String room = "tls-line-" + UUID.randomUUID();
        try (LineClient line = LineClient.over(tlsSocket(), server.baseUri(), "line/" + room + "?name=cy",
                "Connection: Upgrade", "Upgrade: switchboard-line/1")) {
            assertTrue(line.statusLine().startsWith("HTTP/1.1 101"), line.statusLine());
            assertTrue(line.readLine().startsWith("* welcome to " + room));
            line.send("hello over TLS");
            assertEquals("#1 cy: hello over TLS", line.readLineStartingWith("#"));
        }
    }

    @Test
    void plainHttpOnTheTlsPortIsAnswered400SayingToUseHttps() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            plain.setSoTimeout((int) WsClient.TIMEOUT.toMillis());
            plain.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(plain.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("use https://"), answer);
        }
        // and the port carries on
        assertEquals(200, https().send(HttpRequest.newBuilder(server.baseUri().resolve("health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void onlyTls12And13AreNegotiated() throws IOException {
        try (SSLSocket socket = tlsSocket()) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
        }
        try (SSLSocket socket = tlsSocket("TLSv1.2")) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
        }
    }

    @Test
    void changedCertificateFilesServeNewConnectionsWhileOpenOnesCarryOn() throws Exception {
        String room = "tls-reload-" + UUID.randomUUID();
        HttpClient http = https();
        try (WsClient before = WsClient.connectWith(http, wss("chat/" + room + "?name=before"))) {
            before.expect("welcome");
            TestCertificates.Issued second = authority.issue(dir, "next", "second");
            // Written as a renewal tool would: the key first, then the chain, both newer than the files in use.
            Files.copy(second.keyFile(), first.keyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(second.certFile(), first.certFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            FileTime later = FileTime.from(Instant.now().plusSeconds(5));
            Files.setLastModifiedTime(first.keyFile(), later);
            Files.setLastModifiedTime(first.certFile(), later);

            Conditions.await("new connections are shown the second certificate", RELOAD_GRACE,
                    () -> servedSerial().equals(second.certificate().getSerialNumber()));

            try (WsClient after = WsClient.connectWith(http, wss("chat/" + room + "?name=after"))) {
                after.expect("welcome");
                before.say("still here");
                assertEquals("still here", after.nextOfType("message").path("text").asText());
            }
        }
    }

    private BigInteger servedSerial() {
        try (SSLSocket socket = tlsSocket()) {
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private SSLSocket tlsSocket(String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.port());
        if (protocols.length > 0) {
            socket.setEnabledProtocols(protocols);
        }
        socket.setSoTimeout((int) WsClient.TIMEOUT.toMillis());
        socket.startHandshake();
        return socket;
    }
}
