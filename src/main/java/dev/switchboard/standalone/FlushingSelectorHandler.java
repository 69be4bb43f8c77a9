package dev.switchboard.standalone;

import dev.switchboard.hub.Flusher;
import org.glassfish.grizzly.nio.DefaultSelectorHandler;
import org.glassfish.grizzly.nio.SelectorRunner;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.util.Set;

/**
 * Grizzly's selector handler, with what our endpoints send during one pass over the ready connections written at the
 * end of the pass ({@link Flusher#defer()}), before the selector blocks again: the event loop's "flush at the end of
 * the loop". Ten echoes that came in one read leave in one write, and the join events several handshakes in one
 * pass send to the same member leave together. What is still deferred when a pass ends abnormally is written before
 * the next select.
 */
final class FlushingSelectorHandler extends DefaultSelectorHandler {

    @Override
    public boolean preSelect(SelectorRunner selectorRunner) throws IOException {
        Flusher.flushDeferred();
        return super.preSelect(selectorRunner);
    }

    @Override
    public Set<SelectionKey> select(SelectorRunner selectorRunner) throws IOException {
        Set<SelectionKey> ready = super.select(selectorRunner);
        Flusher.defer();
        return ready;
    }

    @Override
    public void postSelect(SelectorRunner selectorRunner) throws IOException {
        Flusher.flushDeferred();
        super.postSelect(selectorRunner);
    }
}
