package dev.switchboard.standalone;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.ByteBufferArray;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;
import org.glassfish.tyrus.core.CloseReasons;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The filter chain a launcher connection moves to once it has switched to WebSocket: the transport, TLS when the port
 * speaks it, the idle-timeout filter (which must see the close) and {@link FramesFilter}, which hands the client's
 * bytes straight to Tyrus.
 * <p>
 * On the listener's own chain every read of an upgraded connection still passes Grizzly's HTTP codec, which keeps
 * the handshake's request and response objects, their header tables and the buffer they were parsed from for the
 * life of the connection: about two thirds of an idle connection's heap (measured with a class histogram of 10,000
 * idle connections). Leaving that chain lets them go, and each read skips the HTTP filters.
 */
final class WebSocketChain implements AddOn {

    /** The attribute names Grizzly's HTTP server codec keeps a connection's request and keep-alive state under. */
    private static final String[] HTTP_STATE = {
        HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME,
        "HttpServerFilter.KeepAliveContext"
    };

    private static final Attribute<Upgraded> UPGRADED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(WebSocketChain.class.getName() + ".upgraded");

    private final int maxMessageBytes;
    private FilterChain chain;

    /** @param maxMessageBytes {@code max.message.bytes}: a client frame that takes a message over it is refused */
    WebSocketChain(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Builds the chain from the listener's own transport and idle-timeout filters. */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        FilterChainBuilder webSocket = FilterChainBuilder.stateless()
                .add(builder.get(builder.indexOfType(TransportFilter.class)));
        int tls = builder.indexOfType(org.glassfish.grizzly.ssl.SSLBaseFilter.class);
        if (tls >= 0) {
            // Same filter instance: the connection's TLS session lives in its attributes and carries over.
            webSocket.add(builder.get(tls));
        }
        int idleTimeout = builder.indexOfType(IdleTimeoutFilter.class);
        if (idleTimeout >= 0) {
            webSocket.add(builder.get(idleTimeout));
        }
        chain = webSocket.add(new FramesFilter(maxMessageBytes)).build();
    }

    /**
     * Moves a connection that Tyrus has just opened onto this chain. Called inside the handshake's own pass through
     * the listener's chain, after the {@code 101} was written: the next read is the client's first frame.
     */
    void adopt(Connection<?> connection, org.glassfish.tyrus.spi.Connection tyrus) {
        if (chain == null) {
            return;
        }
        UPGRADED.set(connection, new Upgraded(tyrus, new ClientFrameGuard(maxMessageBytes)));
        connection.setProcessor(chain);
        for (String name : HTTP_STATE) {
            connection.getAttributes().removeAttribute(name);
        }
    }

    /** A connection on this chain: its Tyrus side, its guard, and whether it was refused a message (1009). */
    private static final class Upgraded {
        final org.glassfish.tyrus.spi.Connection tyrus;
        final ClientFrameGuard guard;
        boolean refused;

        Upgraded(org.glassfish.tyrus.spi.Connection tyrus, ClientFrameGuard guard) {
            this.tyrus = tyrus;
            this.guard = guard;
        }
    }

    /**
     * Feeds the client's frames to Tyrus; refuses the first unmasked one (RFC 6455 §5.1), which Tyrus accepts, and
     * the first that takes a message over the limit, before Tyrus buffers it (see {@link ClientFrameGuard}).
     */
    private static final class FramesFilter extends BaseFilter {

        private static final byte[] CLOSE_1002 = closeFrame(1002, "client frames must be masked");
        private final byte[] close1009;

        FramesFilter(int maxMessageBytes) {
            close1009 = closeFrame(1009, "message over " + maxMessageBytes + " bytes");
        }

        @Override
        public NextAction handleRead(FilterChainContext ctx) {
            Buffer buffer = ctx.getMessage();
            Upgraded upgraded = UPGRADED.get(ctx.getConnection());
            if (upgraded == null || !buffer.hasRemaining()) {
                return ctx.getStopAction();
            }
            if (upgraded.refused) {
                // Waiting for the client's close: what it still sends is followed, never buffered or handled.
                upgraded.guard.check(buffer);
                closeOnceAnswered(ctx, upgraded);
                return ctx.getStopAction();
            }
            ClientFrameGuard.Verdict verdict = upgraded.guard.check(buffer);
            if (verdict == ClientFrameGuard.Verdict.UNMASKED) {
                UPGRADED.remove(ctx.getConnection());
                WriteThenClose.send(ctx, Buffers.wrap(ctx.getMemoryManager(), CLOSE_1002));
                return ctx.getStopAction();
            }
            if (verdict == ClientFrameGuard.Verdict.TOO_BIG) {
                // The client may still be writing the oversized payload: closing now would reset the connection
                // before it reads the 1009. It answers with its own close (or the heartbeat's idle timeout ends it).
                upgraded.refused = true;
                ctx.write(Buffers.wrap(ctx.getMemoryManager(), close1009));
                closeOnceAnswered(ctx, upgraded);
                return ctx.getStopAction();
            }
            var reads = upgraded.tyrus.getReadHandler();
            if (!buffer.isComposite()) {
                reads.handle(buffer.toByteBuffer());
            } else {
                ByteBufferArray parts = buffer.toByteBufferArray();
                ByteBuffer[] array = parts.getArray();
                for (int i = 0; i < parts.size(); i++) {
                    reads.handle(array[i]);
                }
                parts.recycle();
            }
            buffer.tryDispose();
            return ctx.getStopAction();
        }

        /** The peer went away without a close handshake: Tyrus reports 1006 to the endpoint, as its own filter does. */
        @Override
        public NextAction handleClose(FilterChainContext ctx) {
            Upgraded upgraded = UPGRADED.get(ctx.getConnection());
            if (upgraded != null) {
                UPGRADED.remove(ctx.getConnection());
                upgraded.tyrus.close(CloseReasons.CLOSED_ABNORMALLY.getCloseReason());
            }
            return ctx.getInvokeAction();
        }

        private static void closeOnceAnswered(FilterChainContext ctx, Upgraded upgraded) {
            if (upgraded.guard.closeSeen()) {
                UPGRADED.remove(ctx.getConnection());
                ctx.getConnection().closeSilently();
            }
        }

        private static byte[] closeFrame(int code, String reason) {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            byte[] frame = new byte[4 + text.length];
            frame[0] = (byte) 0x88;
            frame[1] = (byte) (2 + text.length);
            frame[2] = (byte) (code >> 8);
            frame[3] = (byte) code;
            System.arraycopy(text, 0, frame, 4, text.length);
            return frame;
        }
    }
}
