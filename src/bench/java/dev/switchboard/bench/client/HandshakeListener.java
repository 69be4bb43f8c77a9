package dev.switchboard.bench.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** Completes a connection's future when its handshake succeeds, or fails it when the channel ends first. */
final class HandshakeListener extends ChannelInboundHandlerAdapter {

    private final CompletableFuture<io.netty.channel.Channel> ready;

    HandshakeListener(CompletableFuture<io.netty.channel.Channel> ready) {
        this.ready = ready;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            ctx.pipeline().remove(this);
            ready.complete(ctx.channel());
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            ready.completeExceptionally(new IOException("handshake timed out"));
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ready.completeExceptionally(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ready.completeExceptionally(new IOException("connection closed before the handshake finished"));
        super.channelInactive(ctx);
    }
}
