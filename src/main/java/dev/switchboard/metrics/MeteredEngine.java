package dev.switchboard.metrics;

import dev.switchboard.hub.Appended;
import dev.switchboard.hub.EngineHealth;
import dev.switchboard.hub.MessageDraft;
import dev.switchboard.hub.Presence;
import dev.switchboard.hub.RoomEngine;
import dev.switchboard.hub.RoomFeed;
import dev.switchboard.hub.RoomSummary;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An engine whose calls are counted by operation ({@code switchboard_engine_calls_total{op}}), and whose failures
 * are too: those it throws here, and appends that fail later, which their callers report through
 * {@link Meters#engineFailed(Meters.EngineOp)} (counting them here would add a callback to every message).
 */
final class MeteredEngine implements RoomEngine {

    private final RoomEngine engine;
    private final Meters meters;

    MeteredEngine(RoomEngine engine, Meters meters) {
        this.engine = engine;
        this.meters = meters;
    }

    @Override
    public void open(String room, RoomFeed feed) {
        counted(Meters.EngineOp.OPEN, () -> {
            engine.open(room, feed);
            return null;
        });
    }

    @Override
    public CompletableFuture<Appended> append(String room, MessageDraft draft) {
        meters.engineCalled(Meters.EngineOp.APPEND);
        try {
            return engine.append(room, draft);
        } catch (RuntimeException e) {
            meters.engineFailed(Meters.EngineOp.APPEND);
            throw e;
        }
    }

    @Override
    public void release(String room, RoomFeed feed) {
        counted(Meters.EngineOp.RELEASE, () -> {
            engine.release(room, feed);
            return null;
        });
    }

    @Override
    public long roomCount() {
        return counted(Meters.EngineOp.ROOMS, engine::roomCount);
    }

    @Override
    public List<RoomSummary> rooms() {
        return counted(Meters.EngineOp.ROOMS, engine::rooms);
    }

    @Override
    public boolean knows(String room) {
        return counted(Meters.EngineOp.ROOMS, () -> engine.knows(room));
    }

    @Override
    public void presenceChanged(String room, List<Presence> here) {
        counted(Meters.EngineOp.PRESENCE, () -> {
            engine.presenceChanged(room, here);
            return null;
        });
    }

    @Override
    public boolean sharesPresence() {
        return engine.sharesPresence();
    }

    @Override
    public Optional<List<Presence>> presence(String room) {
        return counted(Meters.EngineOp.PRESENCE, () -> engine.presence(room));
    }

    @Override
    public boolean presentElsewhere(String room, String name) {
        return counted(Meters.EngineOp.PRESENCE, () -> engine.presentElsewhere(room, name));
    }

    @Override
    public EngineHealth health() {
        return engine.health();
    }

    @Override
    public void close() {
        engine.close();
    }

    private <T> T counted(Meters.EngineOp op, Supplier<T> call) {
        meters.engineCalled(op);
        try {
            return call.get();
        } catch (RuntimeException e) {
            meters.engineFailed(op);
            throw e;
        }
    }
}
