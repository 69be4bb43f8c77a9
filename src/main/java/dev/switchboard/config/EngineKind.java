package dev.switchboard.config;

/** The values of the {@code engine} setting. */
public enum EngineKind {
    EMBEDDED("embedded"),
    REDIS("redis"),
    MEMORY("memory");

    private final String key;

    EngineKind(String key) {
        this.key = key;
    }

    /** The setting's value, e.g. {@code embedded}. */
    public String key() {
        return key;
    }
}
