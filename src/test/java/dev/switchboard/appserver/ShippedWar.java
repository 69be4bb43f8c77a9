package dev.switchboard.appserver;

import dev.switchboard.contract.WebXml;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code target/switchboard.war} as shipped, for an application server in its own JVM: the contract's settings, which
 * the test JVM has as {@code switchboard.*} system properties, travel in the WAR as servlet context parameters.
 */
public final class ShippedWar {

    private ShippedWar() {
    }

    /** The contract's settings by name (the publish rate lifted: the contract publishes thousands). */
    public static Map<String, String> contractSettings() {
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("switchboard."))
                .filter(name -> !name.endsWith(".war") && !name.endsWith(".jar"))
                .forEach(name -> settings.put(name.substring("switchboard.".length()), System.getProperty(name)));
        settings.put("publish.rate.per.second", "1000000");
        settings.put("publish.rate.burst", "1000000");
        return settings;
    }

    /**
     * The shipped WAR as {@code name}, with {@code settings} as context parameters, an empty store of its own, and the
     * application's own classes (a policy, a resolver) added to {@code WEB-INF/classes}.
     */
    public static WebArchive withSettings(String name, Map<String, String> settings, Class<?>... applicationClasses)
            throws java.io.IOException {
        Map<String, String> all = new TreeMap<>(settings);
        all.put("data.dir", java.nio.file.Files.createTempDirectory("switchboard-" + name).toString());
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        return ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(war).as(WebArchive.class)
                .addClasses(applicationClasses)
                .setWebXML(new StringAsset(WebXml.withContextParameters(all)));
    }

    /** The shipped WAR with {@link #contractSettings()} as context parameters. */
    public static WebArchive withContractSettings() {
        Map<String, String> settings = contractSettings();
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        return ShrinkWrap.create(ZipImporter.class, "switchboard.war").importFrom(war).as(WebArchive.class)
                .setWebXML(new StringAsset(WebXml.withContextParameters(settings)));
    }
}
