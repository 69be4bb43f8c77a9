package dev.switchboard.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where setting values come from. Sources are consulted in order and the first that has a value wins:
 * launcher flags, then system properties, then environment variables, then (WAR) servlet context parameters.
 */
@FunctionalInterface
public interface SettingsSource {

    /** The raw value of this setting here, with where it came from, or empty. */
    Optional<SourcedValue> lookup(Setting setting);

    /** A value and a phrase naming its origin, for error messages. */
    record SourcedValue(String value, String origin) {
    }

    static SettingsSource systemProperties() {
        return setting -> Optional.ofNullable(System.getProperty(setting.systemProperty()))
                .map(value -> new SourcedValue(value, "system property " + setting.systemProperty()));
    }

    static SettingsSource environment() {
        return environment(System.getenv());
    }

    static SettingsSource environment(Map<String, String> environment) {
        return setting -> Optional.ofNullable(environment.get(setting.environmentVariable()))
                .map(value -> new SourcedValue(value, "environment variable " + setting.environmentVariable()));
    }

    /** Values by dotted key, e.g. from the launcher's {@code --set key=value} flags. */
    static SettingsSource flags(Map<String, String> values) {
        return setting -> Optional.ofNullable(values.get(setting.key()))
                .map(value -> new SourcedValue(value, "--set " + setting.key()));
    }

    /** Servlet context parameters named like the system properties. */
    static SettingsSource contextParameters(Function<String, String> parameters) {
        return setting -> Optional.ofNullable(parameters.apply(setting.systemProperty()))
                .map(value -> new SourcedValue(value, "context parameter " + setting.systemProperty()));
    }

    /**
     * {@value #PROPERTIES} on the application's class path (its {@code WEB-INF/classes}), keys as in
     * {@link Setting#key()}: the module's own settings file inside an application's WAR. None there: no values.
     */
    static SettingsSource classpathProperties(ClassLoader loader) {
        java.util.Properties properties = new java.util.Properties();
        java.net.URL resource = loader == null ? null : loader.getResource(PROPERTIES);
        if (resource != null) {
            try (java.io.Reader reader = new java.io.InputStreamReader(resource.openStream(),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (java.io.IOException e) {
                throw new InvalidSettingException("cannot read " + resource + ": " + e.getMessage());
            }
        }
        return setting -> Optional.ofNullable(properties.getProperty(setting.key()))
                .map(value -> new SourcedValue(value, PROPERTIES));
    }

    /** The settings file an application (or our own WAR) puts in {@code WEB-INF/classes}. */
    String PROPERTIES = "switchboard.properties";

    /** The first source that has a value. */
    static SettingsSource firstOf(SettingsSource... sources) {
        return setting -> {
            for (SettingsSource source : sources) {
                Optional<SourcedValue> value = source.lookup(setting);
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        };
    }

    /** The usual chain outside a servlet container: system properties, then the environment. */
    static SettingsSource standard() {
        return firstOf(systemProperties(), environment());
    }
}
