package dev.switchboard.http;

import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body, refusing it as soon as it is known to exceed the limit. */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new TooLargeException(declared, maxBytes);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (body.size() + read > maxBytes) {
                    throw new TooLargeException(body.size() + (long) read, maxBytes);
                }
                body.write(buffer, 0, read);
            }
        }
        return body.toByteArray();
    }

    /** The body is over the limit; the message says by how much. */
    static final class TooLargeException extends IOException {
        TooLargeException(long bytes, int maxBytes) {
            super("body of " + bytes + (bytes > maxBytes ? "+" : "") + " bytes is over the limit of "
                    + maxBytes + " bytes");
        }
    }
}
