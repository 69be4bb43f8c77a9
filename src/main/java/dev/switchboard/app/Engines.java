package dev.switchboard.app;

import dev.switchboard.config.Settings;
import dev.switchboard.engine.MemoryEngine;
import dev.switchboard.engine.embedded.EmbeddedEngine;
import dev.switchboard.engine.redis.RedisEngine;
import dev.switchboard.hub.RoomEngine;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Builds the engine the {@code engine} setting names. */
final class Engines {

    private Engines() {
    }

    /** @param defaultDataDir the runtime's data directory, for an embedded engine whose {@code data.dir} is empty */
    static RoomEngine create(Settings settings, Supplier<Path> defaultDataDir) {
        return switch (settings.engine()) {
            case MEMORY -> new MemoryEngine(settings.historySize());
            case EMBEDDED -> new EmbeddedEngine(
                    settings.dataDir().isEmpty() ? defaultDataDir.get() : Path.of(settings.dataDir()),
                    settings.historySize());
            case REDIS -> RedisEngine.connect(settings.redisUri(), settings.nodeId(), settings.historySize(),
                    settings.redisNodeTimeout());
        };
    }
}
