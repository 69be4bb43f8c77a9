package dev.switchboard.tls;

import dev.switchboard.config.TlsSettings;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import java.security.GeneralSecurityException;

/** The launcher's TLS server side: an {@link SSLContext} over a {@link ReloadingKeyManager}, TLS 1.2 and 1.3 only. */
public final class ServerTls {

    /** The protocol versions offered; anything older is refused in the handshake. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLContext context;

    private ServerTls(SSLContext context) {
        this.context = context;
    }

    /** @throws TlsCredentialsException when the certificate or key cannot be used */
    public static ServerTls start(TlsSettings settings) {
        ReloadingKeyManager keyManager = new ReloadingKeyManager(settings);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keyManager}, null, null);
            return new ServerTls(context);
        } catch (GeneralSecurityException e) {
            throw new TlsCredentialsException("the JDK cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public SSLContext context() {
        return context;
    }
}
