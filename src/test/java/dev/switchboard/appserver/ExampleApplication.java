package dev.switchboard.appserver;

import dev.switchboard.contract.WebXml;
import dev.switchboard.example.ActivityLog;
import dev.switchboard.example.ActivityServlet;
import dev.switchboard.example.LobbyEndpoint;
import dev.switchboard.example.OrderUpdates;
import dev.switchboard.example.ShopModeration;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

/**
 * The example application, {@code shop.war}, as its build would make it: its own classes (a servlet that injects
 * {@code Rooms}, an observer of the CDI events, a {@code @ServerEndpoint} in Switchboard rooms, a moderation policy),
 * its {@code switchboard.properties}, and the module jar with the libraries it needs in {@code WEB-INF/lib}.
 * Switchboard lives under {@code /switchboard} there, beside the application's own paths.
 */
public final class ExampleApplication {

    /** Where the module puts its paths in the example (the default of {@code path.prefix}). */
    public static final String SWITCHBOARD_PATH = "switchboard/";

    private ExampleApplication() {
    }

    /** The example with {@code settings} as context parameters (the contract's, or none) and a store of its own. */
    public static WebArchive war(String name, Map<String, String> settings) throws IOException {
        Map<String, String> all = new TreeMap<>(settings);
        all.put("data.dir", Files.createTempDirectory("switchboard-" + name).toString());
        WebArchive shop = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(OrderUpdates.class, ActivityLog.class, ActivityServlet.class, LobbyEndpoint.class,
                        ShopModeration.class)
                .addAsResource(new StringAsset("message.policy=" + ShopModeration.class.getName() + "\n"),
                        "switchboard.properties")
                .addAsLibrary(new File(System.getProperty("switchboard.module.jar", "target/switchboard-module.jar")),
                        "switchboard-module.jar")
                .setWebXML(new StringAsset(WebXml.withContextParameters(all)));
        libraries().forEach((path, node) -> shop.add(node.getAsset(), path));
        return shop;
    }

    /** The module's dependencies, as our own WAR carries them (everything in its WEB-INF/lib but the module). */
    private static Map<ArchivePath, Node> libraries() {
        File ours = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        return ShrinkWrap.create(ZipImporter.class).importFrom(ours).as(WebArchive.class)
                .getContent(path -> path.get().startsWith("/WEB-INF/lib/")
                        && path.get().endsWith(".jar") && !path.get().endsWith("/switchboard-module.jar"));
    }
}
