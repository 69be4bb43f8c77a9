package dev.switchboard.bench.client;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/** Reads and drops every frame: for connections that only need to be there. */
@ChannelHandler.Sharable
public final class IgnoringHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    public static final IgnoringHandler INSTANCE = new IgnoringHandler();

    private IgnoringHandler() {
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        // dropped; SimpleChannelInboundHandler releases it
    }
}
