package dev.switchboard.http;

import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body, refusing it as soon as it is known to exceed the limit.
 * <p>
 * A declared Content-Length is read exactly, never "until end of stream": GlassFish's HTTP codec stops framing
 * the body of any request that carries an {@code Upgrade} header (e.g. {@code Upgrade: h2c} from an HTTP/2
 * capable client), and reading to the end would wait for the client to hang up.
 */
final class BoundedBody {

    /**
     * A declared body over the limit but up to this size is read and dropped before the refusal (as Tomcat's
     * {@code maxSwallowSize}): a client still sending when the server answers and closes would otherwise get a reset
     * instead of its 413. Larger ones are refused unread.
     */
    static final long SWALLOW_MAX_BYTES = 2L * 1024 * 1024;

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            if (declared <= SWALLOW_MAX_BYTES) {
                try (InputStream in = request.getInputStream()) {
                    in.skipNBytes(declared);
                } catch (IOException e) {
                    // the client stopped sending: it is refused all the same
                }
            }
            throw new TooLargeException(declared, maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0) {
                byte[] body = in.readNBytes((int) declared);
                if (body.length < declared) {
                    throw new IOException("body ended after " + body.length + " of " + declared + " bytes");
                }
                return body;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(256);
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (body.size() + read > maxBytes) {
                    throw new TooLargeException(body.size() + (long) read, maxBytes);
                }
                body.write(buffer, 0, read);
            }
            return body.toByteArray();
        }
    }

    /** The body is over the limit; the message says by how much. */
    static final class TooLargeException extends IOException {
        TooLargeException(long bytes, int maxBytes) {
            super("body of " + bytes + (bytes > maxBytes ? "+" : "") + " bytes is over the limit of "
                    + maxBytes + " bytes");
        }
    }
}
