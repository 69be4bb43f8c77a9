package dev.switchboard.tls;

import dev.switchboard.config.TlsSettings;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's key manager, reading its files again when they change: each new handshake looks at their modification
 * times (a stat per file, microseconds against a handshake's milliseconds) and, when they moved, loads them. Open
 * connections keep the certificate they were made with. Files caught half-written (a key that does not match the
 * certificate) leave the current credentials in place until the files change again.
 * <p>
 * The alias a handshake is given names the generation it chose, so the chain and the key it asks for next come from
 * the same generation even if a reload happens in between.
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {

    private static final Logger LOG = Logger.getLogger(ReloadingKeyManager.class.getName());
    private static final String ALIAS_PREFIX = "switchboard-";

    private final TlsSettings settings;
    private volatile Generation current;
    private Generation previous;
    private List<FileTime> lastSeen;

    private record Generation(int number, ServerCredentials credentials) {
        String alias() {
            return ALIAS_PREFIX + number;
        }
    }

    /** @throws TlsCredentialsException when the files cannot be used now (the start fails) */
    public ReloadingKeyManager(TlsSettings settings) {
        this.settings = settings;
        this.lastSeen = modificationTimes();
        this.current = new Generation(1, ServerCredentials.load(settings));
    }

    /** The certificate new handshakes present. */
    public X509Certificate certificate() {
        return current.credentials().certificate();
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, issuers);
    }

    private String choose(String keyType, Principal[] issuers) {
        reloadIfChanged();
        Generation chosen = current;
        String alias = chosen.credentials().keyManager().chooseEngineServerAlias(keyType, issuers, null);
        return alias == null ? null : chosen.alias();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Generation generation = generation(alias);
        return generation == null ? null : generation.credentials().keyManager().getCertificateChain("switchboard");
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Generation generation = generation(alias);
        return generation == null ? null : generation.credentials().keyManager().getPrivateKey("switchboard");
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        Generation chosen = current;
        return chosen.credentials().keyManager().getServerAliases(keyType, issuers) == null
                ? null : new String[] {chosen.alias()};
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    private synchronized Generation generation(String alias) {
        if (current.alias().equals(alias)) {
            return current;
        }
        return previous != null && previous.alias().equals(alias) ? previous : null;
    }

    private void reloadIfChanged() {
        List<FileTime> times = modificationTimes();
        synchronized (this) {
            if (times.equals(lastSeen)) {
                return;
            }
            lastSeen = times;
            try {
                Generation next = new Generation(current.number() + 1, ServerCredentials.load(settings));
                previous = current;
                current = next;
                LOG.info(() -> "TLS certificate reloaded: " + next.credentials().certificate()
                        .getSubjectX500Principal().getName() + ", valid until "
                        + next.credentials().certificate().getNotAfter().toInstant());
            } catch (TlsCredentialsException e) {
                LOG.log(Level.WARNING, "TLS files changed but cannot be used yet; new connections keep the "
                        + "current certificate until they change again: " + e.getMessage());
            }
        }
    }

    private List<FileTime> modificationTimes() {
        List<FileTime> times = new ArrayList<>();
        for (Path file : settings.files()) {
            try {
                times.add(Files.getLastModifiedTime(file));
            } catch (IOException e) {
                times.add(FileTime.fromMillis(-1));
            }
        }
        return times;
    }
}
