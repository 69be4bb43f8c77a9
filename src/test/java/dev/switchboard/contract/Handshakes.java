package dev.switchboard.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Handshake headers and the accept value as RFC 6455 §4.2.2 defines them, computed independently of the server. */
public final class Handshakes {

    /** The sample nonce of RFC 6455 §1.3. */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private Handshakes() {
    }

    static String[] validHeaders() {
        return headers(KEY, "13");
    }

    public static String[] headers(String key, String version) {
        return new String[] {
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Version: " + version,
            "Sec-WebSocket-Key: " + key,
        };
    }

    /** base64(SHA-1(key + GUID)). */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
