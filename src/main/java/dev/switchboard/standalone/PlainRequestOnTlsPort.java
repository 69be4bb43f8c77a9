package dev.switchboard.standalone;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.ssl.SSLBaseFilter;

import java.nio.charset.StandardCharsets;

/**
 * On a TLS port, answers a client that speaks plain HTTP (its first byte is a letter, not a TLS record) with
 * {@code 400} and a sentence saying to use https, then closes; anything else that is not TLS is closed. Without it
 * the TLS filter fails on the bytes and the client sees the connection drop with no reason.
 */
final class PlainRequestOnTlsPort implements AddOn {

    /** The first byte of a TLS handshake record (RFC 8446 §5.1, content type 22). */
    private static final int TLS_HANDSHAKE = 0x16;

    private static final String REASON = "This port speaks TLS only: use https:// and wss:// here\n";
    private static final byte[] ANSWER = ("HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Connection: close\r\n"
            + "Content-Length: " + REASON.length() + "\r\n\r\n"
            + REASON).getBytes(StandardCharsets.US_ASCII);

    private static final Attribute<Boolean> CHECKED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(PlainRequestOnTlsPort.class.getName() + ".checked");

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int tls = builder.indexOfType(SSLBaseFilter.class);
        if (tls >= 0) {
            builder.add(tls, new FirstByte());
        }
    }

    private static final class FirstByte extends BaseFilter {

        @Override
        public NextAction handleRead(FilterChainContext ctx) {
            if (CHECKED.isSet(ctx.getConnection())) {
                return ctx.getInvokeAction();
            }
            Buffer buffer = ctx.getMessage();
            if (!buffer.hasRemaining()) {
                return ctx.getStopAction(buffer);
            }
            int first = buffer.get(buffer.position()) & 0xff;
            if (first == TLS_HANDSHAKE) {
                CHECKED.set(ctx.getConnection(), Boolean.TRUE);
                return ctx.getInvokeAction();
            }
            buffer.tryDispose();
            if (first >= 'A' && first <= 'Z') {
                WriteThenClose.send(ctx, Buffers.wrap(ctx.getMemoryManager(), ANSWER));
            } else {
                ctx.getConnection().closeSilently();
            }
            return ctx.getStopAction();
        }
    }
}
