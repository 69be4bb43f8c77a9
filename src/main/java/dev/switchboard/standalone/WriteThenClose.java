package dev.switchboard.standalone;

import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.FilterChainContext;

/** A last message for a connection we are about to drop: written down the chain, then the connection is closed. */
final class WriteThenClose {

    private WriteThenClose() {
    }

    static void send(FilterChainContext ctx, Object message) {
        ctx.write(message, new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                ctx.getConnection().closeSilently();
            }

            @Override
            public void failed(Throwable throwable) {
                ctx.getConnection().closeSilently();
            }
        });
    }
}
