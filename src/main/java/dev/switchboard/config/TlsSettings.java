package dev.switchboard.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the launcher's TLS certificate and key come from: PEM files ({@code tls.cert} + {@code tls.key}) or a PKCS#12
 * keystore ({@code tls.keystore} + {@code tls.keystore.password}); neither means plain HTTP.
 */
public record TlsSettings(Optional<Path> certFile, Optional<Path> keyFile, Optional<Path> keystoreFile,
                          char[] keystorePassword) {

    /** No TLS: the launcher serves http:// and ws://. */
    public static final TlsSettings NONE =
            new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), new char[0]);

    public boolean enabled() {
        return certFile.isPresent() || keystoreFile.isPresent();
    }

    /** The files whose change means new credentials. */
    public java.util.List<Path> files() {
        return keystoreFile.map(java.util.List::of).orElseGet(() -> java.util.List.of(certFile.orElseThrow(),
                keyFile.orElseThrow()));
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return enabled() ? "TLS from " + files() : "no TLS";
    }
}
