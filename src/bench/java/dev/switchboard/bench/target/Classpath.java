package dev.switchboard.bench.target;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The harness's own classpath (Maven's test classpath), filtered for the JVMs it starts. */
final class Classpath {

    private static final List<String> ENTRIES =
            Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));

    private Classpath() {
    }

    /** The entries that pass {@code keep}, joined. */
    static String of(Predicate<String> keep) {
        return ENTRIES.stream().filter(keep).collect(Collectors.joining(File.pathSeparator));
    }

    /** True for GlassFish's all-in-one jar, which bundles its own Tyrus and Grizzly. */
    static boolean isGlassFish(String entry) {
        return new File(entry).getName().startsWith("glassfish-embedded-all");
    }

    /** True for the harness's compiled classes (the bench sources are compiled as test sources). */
    static boolean isBenchClasses(String entry) {
        return entry.endsWith("test-classes") || entry.endsWith("test-classes" + File.separator);
    }
}
