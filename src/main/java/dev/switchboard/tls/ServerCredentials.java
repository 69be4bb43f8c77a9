package dev.switchboard.tls;

import dev.switchboard.config.TlsSettings;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A server's certificate chain and private key, read from PEM files (BouncyCastle's parser: PKCS#8, PKCS#1 and SEC1
 * keys, as openssl and certbot write them) or a PKCS#12 keystore, and checked to belong together.
 */
public final class ServerCredentials {

    private static final String ALIAS = "switchboard";

    private final X509ExtendedKeyManager keyManager;
    private final X509Certificate leaf;

    private ServerCredentials(X509ExtendedKeyManager keyManager, X509Certificate leaf) {
        this.keyManager = keyManager;
        this.leaf = leaf;
    }

    /**
     * Reads the files {@code settings} names.
     *
     * @throws TlsCredentialsException saying which file is wrong and why (never a password)
     */
    public static ServerCredentials load(TlsSettings settings) {
        if (settings.keystoreFile().isPresent()) {
            return fromKeystore(settings.keystoreFile().get(), settings.keystorePassword());
        }
        return fromPem(settings.certFile().orElseThrow(), settings.keyFile().orElseThrow());
    }

    /** Chooses this certificate for every handshake. */
    public X509ExtendedKeyManager keyManager() {
        return keyManager;
    }

    /** The server's own certificate (the chain's first). */
    public X509Certificate certificate() {
        return leaf;
    }

    private static ServerCredentials fromPem(Path certFile, Path keyFile) {
        List<X509Certificate> chain = readCertificates(certFile);
        PrivateKey key = readPrivateKey(keyFile);
        return of(key, chain, keyFile);
    }

    private static ServerCredentials fromKeystore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return of(key, chain, file);
                }
            }
            throw new TlsCredentialsException(file + " holds no private key entry");
        } catch (IOException e) {
            // A wrong password surfaces here too ("keystore password was incorrect").
            throw new TlsCredentialsException("cannot read the keystore " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsCredentialsException("cannot read the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private static ServerCredentials of(PrivateKey key, List<X509Certificate> chain, Path keySource) {
        if (chain.isEmpty()) {
            throw new TlsCredentialsException("no certificate found beside the key in " + keySource);
        }
        X509Certificate leaf = chain.get(0);
        if (!belongTogether(key, leaf)) {
            throw new TlsCredentialsException("the private key in " + keySource + " does not belong to the "
                    + "certificate for " + leaf.getSubjectX500Principal().getName());
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry(ALIAS, key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509ExtendedKeyManager x509) {
                    return new ServerCredentials(x509, leaf);
                }
            }
            throw new TlsCredentialsException("the JDK offers no X.509 key manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsCredentialsException("cannot use the key from " + keySource + ": " + e.getMessage(), e);
        }
    }

    /** Signs a sample with the key and checks it with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            throw new TlsCredentialsException("unsupported key algorithm " + key.getAlgorithm());
        }
        try {
            byte[] sample = "switchboard".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(sample);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(sample);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : read) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new TlsCredentialsException(file + " holds no PEM certificate");
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsCredentialsException("cannot read the certificate " + file + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                // EC parameters and the like come before the key in some files: skip them.
            }
            throw new TlsCredentialsException(file + " holds no unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1)");
        } catch (IOException | RuntimeException e) {
            if (e instanceof TlsCredentialsException known) {
                throw known;
            }
            throw new TlsCredentialsException("cannot read the private key " + file + ": " + e.getMessage(), e);
        }
    }
}
