package dev.switchboard.standalone;

import dev.switchboard.upgrade.HandshakeRejection;
import dev.switchboard.upgrade.HandshakeValidator;
import dev.switchboard.upgrade.PeerPorts;
import dev.switchboard.upgrade.UpgradeRequest;
import dev.switchboard.upgrade.UpgradeTokens;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Parameters;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.utils.Charsets;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's face of {@link HandshakeValidator}: a Grizzly filter placed ahead of Tyrus's WebSocket filter,
 * where the WAR uses a servlet filter ahead of the container's. Register it on the listener before Tyrus's
 * add-on: both insert themselves right before the HTTP server filter, so ours ends up first. It also plays the
 * container's part for upgraded connections: they leave the HTTP idle timeout, and upgrade tokens we do not
 * speak are ignored.
 */
final class HandshakeValidationAddOn implements AddOn {

    private final HandshakeValidator validator;

    HandshakeValidationAddOn(HandshakeValidator validator) {
        this.validator = validator;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int httpServerFilter = builder.indexOfType(HttpServerFilter.class);
        if (httpServerFilter < 0) {
            throw new IllegalStateException("the listener's filter chain has no HttpServerFilter");
        }
        builder.add(httpServerFilter, new ValidationFilter(validator));
    }

    private static final class ValidationFilter extends BaseFilter {

        private final HandshakeValidator validator;

        ValidationFilter(HandshakeValidator validator) {
            this.validator = validator;
        }

        /**
         * Grizzly's HTTP codec treats any request with an {@code Upgrade} header as switched and stops framing
         * its body, so a POST with {@code Upgrade: h2c} (the JDK HttpClient's default) would hang. It tells us
         * before it frames the body; a token we do not speak is ignored, as RFC 9110 §7.8 allows.
         */
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                if (header.isRequest() && !UpgradeTokens.isSwitchable(header.getUpgrade())) {
                    header.getUpgradeDC().recycle();
                    header.setIgnoreContentModifiers(false);
                }
            }
            return ctx.getInvokeAction();
        }

        /** Marks a request as checked: later chunks of its body carry the same request. */
        private static final String CHECKED = HandshakeValidationAddOn.class.getName() + ".checked";

        @Override
        public NextAction handleRead(FilterChainContext ctx) {
            if (!(ctx.getMessage() instanceof HttpContent content)
                    || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
                return ctx.getInvokeAction();
            }
            if (request.getAttribute(CHECKED) != null) {
                return ctx.getInvokeAction();
            }
            request.setAttribute(CHECKED, Boolean.TRUE);
            GrizzlyUpgradeRequest upgrade = new GrizzlyUpgradeRequest(request);
            Optional<HandshakeRejection> rejection = validator.check(upgrade);
            if (rejection.isEmpty()) {
                boolean webSocket = HandshakeValidator.isWebSocketUpgrade(upgrade);
                if (webSocket) {
                    request.getHeaders().removeHeader(PeerPorts.LOCAL_PORT_HEADER);
                    request.getHeaders().removeHeader(PeerPorts.REMOTE_PORT_HEADER);
                    request.getHeaders().removeHeader(PeerPorts.CLIENT_ADDRESS_HEADER);
                    request.getHeaders().setValue(PeerPorts.CLIENT_ADDRESS_HEADER).setString(
                            validator.client(upgrade).address());
                }
                if (webSocket && PeerPorts.wanted(request.getRequestURI())) {
                    request.getHeaders().setValue(PeerPorts.LOCAL_PORT_HEADER).setString(
                            String.valueOf(request.getLocalPort()));
                    request.getHeaders().setValue(PeerPorts.REMOTE_PORT_HEADER).setString(
                            String.valueOf(request.getRemotePort()));
                }
                if (UpgradeTokens.isSwitchable(request.getUpgrade())) {
                    // An upgraded connection is governed by its protocol, not the HTTP idle timeout. Should the
                    // upgrade not happen (no endpoint, a refusal), Grizzly closes the connection after answering.
                    IdleTimeoutFilter.setCustomTimeout(ctx.getConnection(), -1, TimeUnit.SECONDS);
                }
                if (webSocket) {
                    OpeningConnection.offer(ctx.getConnection(), request.getRequestURI());
                }
                return ctx.getInvokeAction();
            }
            refuse(ctx, request, rejection.get());
            return ctx.getStopAction();
        }

        private static void refuse(FilterChainContext ctx, HttpRequestPacket request, HandshakeRejection refused) {
            HttpResponsePacket response = request.getResponse();
            response.setProtocol(Protocol.HTTP_1_1);
            response.setStatus(refused.status());
            response.setReasonPhrase(refused.reasonPhrase());
            refused.headers().forEach(response::setHeader);
            response.setHeader("Connection", "close");
            response.setContentType("text/plain;charset=UTF-8");
            byte[] body = refused.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            Buffer buffer = Buffers.wrap(ctx.getMemoryManager(), body);
            WriteThenClose.send(ctx, HttpContent.builder(response).content(buffer).last(true).build());
        }

    }

    /** A Grizzly request seen as a handshake; its query string is parsed once, when first asked. */
    private static final class GrizzlyUpgradeRequest implements UpgradeRequest {

        private final HttpRequestPacket request;
        private Parameters query;

        GrizzlyUpgradeRequest(HttpRequestPacket request) {
            this.request = request;
        }

        @Override
        public String method() {
            return request.getMethod().getMethodString();
        }

        @Override
        public String path() {
            return request.getRequestURI();
        }

        @Override
        public String header(String name) {
            var values = request.getHeaders().values(name);
            var joined = new StringBuilder();
            for (String value : values) {
                joined.append(joined.length() == 0 ? "" : ",").append(value);
            }
            return joined.length() == 0 && !values.iterator().hasNext() ? null : joined.toString();
        }

        @Override
        public String remoteAddress() {
            return request.getRemoteAddress();
        }

        @Override
        public boolean secure() {
            return request.isSecure();
        }

        @Override
        public String queryParameter(String name) {
            if (query == null) {
                query = new Parameters();
                query.setQuery(request.getQueryStringDC());
                query.setQueryStringEncoding(Charsets.UTF8_CHARSET);
                query.handleQueryParameters();
            }
            return query.getParameter(name);
        }
    }
}
