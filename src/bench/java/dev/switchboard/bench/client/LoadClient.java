package dev.switchboard.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The load generator's WebSocket client: Netty, epoll when the platform has it, a few event-loop threads shared by
 * every connection. A connection is ready once the server's {@code 101} has been checked; after that the caller's
 * handler sees only WebSocket frames (pings are answered by Netty).
 */
public final class LoadClient implements AutoCloseable {

    private static final int MAX_FRAME = 1 << 20;

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final Function<URI, HttpHeaders> headers;
    private final boolean ownsGroup;

    /** @param threads event-loop threads; connections are spread over them */
    public LoadClient(int threads) {
        if (Epoll.isAvailable()) {
            group = new EpollEventLoopGroup(threads);
            channelType = EpollSocketChannel.class;
        } else {
            group = new NioEventLoopGroup(threads);
            channelType = NioSocketChannel.class;
        }
        headers = uri -> new DefaultHttpHeaders();
        ownsGroup = true;
    }

    private LoadClient(LoadClient shared, Function<URI, HttpHeaders> headers) {
        this.group = shared.group;
        this.channelType = shared.channelType;
        this.headers = headers;
        this.ownsGroup = false;
    }

    /** The same client (threads, connections) sending these extra headers with each handshake. */
    public LoadClient withHeaders(Function<URI, HttpHeaders> handshakeHeaders) {
        return new LoadClient(this, handshakeHeaders);
    }

    /** Which transport the client runs on, for the report. */
    public String transport() {
        return channelType == EpollSocketChannel.class ? "epoll" : "nio";
    }

    /**
     * Opens a WebSocket to {@code uri}; the future completes with the channel once the handshake succeeded.
     *
     * @param handler the frame handler this connection gets (one per connection, or a sharable one)
     */
    public CompletableFuture<Channel> connect(URI uri, Supplier<? extends ChannelHandler> handler) {
        return connect(uri, handler, null);
    }

    /**
     * Opens a WebSocket to {@code uri} from {@code local} (an address of 127.0.0.0/8, port 0: each source address has
     * its own ephemeral ports, so more than the 28,000 or so one address has can be open); null: the system's choice.
     */
    public CompletableFuture<Channel> connect(URI uri, Supplier<? extends ChannelHandler> handler,
                                              java.net.InetSocketAddress local) {
        CompletableFuture<Channel> ready = new CompletableFuture<>();
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .customHeaders(headers.apply(uri))
                .maxFramePayloadLength(MAX_FRAME)
                .handshakeTimeoutMillis(TimeUnit.SECONDS.toMillis(60))
                .dropPongFrames(true)
                // Checking every text frame's UTF-8 was a fifth of the client's CPU in the recover scenario: the
                // harness measures servers, and the contract tests check what they send.
                .withUTF8Validator(false)
                .build();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 60_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new HttpClientCodec(),
                                new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(config),
                                new HandshakeListener(ready),
                                handler.get());
                    }
                });
        java.net.InetSocketAddress remote = new java.net.InetSocketAddress(uri.getHost(), uri.getPort());
        ChannelFuture connecting = local == null ? bootstrap.connect(remote) : bootstrap.connect(remote, local);
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                ready.completeExceptionally(done.cause());
            }
        });
        return ready;
    }

    @Override
    public void close() {
        if (!ownsGroup) {
            return;
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
