package dev.switchboard.tls;

import dev.switchboard.config.TlsSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificates and keys as users hand them over: PEM in its several forms, or PKCS#12, and what goes wrong. */
class ServerCredentialsTest {

    private final TestCertificates authority = new TestCertificates();
    private Path dir;

    @BeforeEach
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("switchboard-credentials");
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static TlsSettings pem(Path cert, Path key) {
        return new TlsSettings(Optional.of(cert), Optional.of(key), Optional.empty(), new char[0]);
    }

    @Test
    void aPkcs8KeyAndItsChainAreServed() {
        TestCertificates.Issued issued = authority.issue(dir, "server", "pkcs8");
        ServerCredentials credentials = ServerCredentials.load(pem(issued.certFile(), issued.keyFile()));
        assertEquals(issued.certificate(), credentials.certificate());
        assertEquals(2, credentials.keyManager().getCertificateChain("switchboard").length, "leaf and CA");
    }

    @Test
    void anRsaKeyInPkcs1FormIsRead() throws Exception {
        TestCertificates.Issued issued = authority.issue(dir, "server", "rsa");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair keys = rsa.generateKeyPair();
        Path cert = dir.resolve("rsa.crt");
        Path key = dir.resolve("rsa.key");
        Files.writeString(cert, TestCertificates.pem(authority.signed("rsa", keys)));
        Files.writeString(key, TestCertificates.pem(keys.getPrivate()));
        assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals("RSA", ServerCredentials.load(pem(cert, key)).certificate().getPublicKey().getAlgorithm());
        assertFalse(issued.certificate().equals(ServerCredentials.load(pem(cert, key)).certificate()));
    }

    @Test
    void aPkcs12KeystoreIsRead() {
        TestCertificates.Issued issued = authority.issue(dir, "server", "keystore");
        char[] password = "keystore-secret".toCharArray();
        Path keystore = authority.keystore(issued, dir.resolve("server.p12"), password);
        ServerCredentials credentials = ServerCredentials.load(
                new TlsSettings(Optional.empty(), Optional.empty(), Optional.of(keystore), password));
        assertEquals(issued.certificate(), credentials.certificate());
    }

    @Test
    void aWrongKeystorePasswordIsRefusedWithoutRepeatingIt() {
        TestCertificates.Issued issued = authority.issue(dir, "server", "keystore");
        Path keystore = authority.keystore(issued, dir.resolve("server.p12"), "right-password".toCharArray());
        TlsCredentialsException refused = assertThrows(TlsCredentialsException.class, () -> ServerCredentials.load(
                new TlsSettings(Optional.empty(), Optional.empty(), Optional.of(keystore),
                        "wrong-password".toCharArray())));
        assertTrue(refused.getMessage().contains("server.p12"), refused.getMessage());
        assertFalse(refused.getMessage().contains("wrong-password"), refused.getMessage());
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedNamingTheFile() {
        TestCertificates.Issued one = authority.issue(dir, "one", "one");
        TestCertificates.Issued other = authority.issue(dir, "other", "other");
        TlsCredentialsException refused = assertThrows(TlsCredentialsException.class,
                () -> ServerCredentials.load(pem(one.certFile(), other.keyFile())));
        assertTrue(refused.getMessage().contains("does not belong"), refused.getMessage());
        assertTrue(refused.getMessage().contains("other.key"), refused.getMessage());
    }

    @Test
    void aFileThatIsNoKeyIsRefusedNamingTheFile() {
        TestCertificates.Issued issued = authority.issue(dir, "server", "server");
        TlsCredentialsException refused = assertThrows(TlsCredentialsException.class,
                () -> ServerCredentials.load(pem(issued.certFile(), issued.certFile())));
        assertTrue(refused.getMessage().contains("server.crt"), refused.getMessage());
    }

    @Test
    void halfWrittenFilesDuringARenewalKeepTheCurrentCertificate() throws IOException {
        TestCertificates.Issued first = authority.issue(dir, "server", "first");
        ReloadingKeyManager keys = new ReloadingKeyManager(pem(first.certFile(), first.keyFile()));
        TestCertificates.Issued second = authority.issue(dir, "next", "second");
        // The new chain is in place, its key not yet.
        Files.copy(second.certFile(), first.certFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(first.certFile(), FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("switchboard-1", keys.chooseEngineServerAlias("EC", null, null));
        assertEquals(first.certificate(), keys.certificate());

        Files.copy(second.keyFile(), first.keyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(first.keyFile(), FileTime.from(Instant.now().plusSeconds(6)));
        assertEquals("switchboard-2", keys.chooseEngineServerAlias("EC", null, null));
        assertEquals(second.certificate(), keys.certificate());
        assertEquals(first.certificate(), keys.getCertificateChain("switchboard-1")[0],
                "a handshake that chose before the reload still gets its own chain");
    }
}
