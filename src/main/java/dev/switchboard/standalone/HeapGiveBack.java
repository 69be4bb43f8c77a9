package dev.switchboard.standalone;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets the launcher's JVM give back heap it no longer needs, for {@code java -jar} as much as for the service script.
 * With G1's defaults (keep up to 70% of the heap free after a collection) a server that once held many connections
 * or a burst keeps about twice its live heap resident; with 10% and 20%, as {@code deploy/bin/switchboard} passes,
 * it keeps what it uses (src/docs/performance.md). A periodic concurrent collection every five idle minutes lets it
 * shrink when nothing else would collect. These options are manageable, so the launcher sets them at start, only
 * where the command line left them at their defaults: an operator's own choice always wins.
 */
final class HeapGiveBack {

    /** In this order: the minimum must come down before the maximum may. */
    static final Map<String, String> DEFAULTS = defaults();

    private HeapGiveBack() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("MinHeapFreeRatio", "10");
        options.put("MaxHeapFreeRatio", "20");
        options.put("G1PeriodicGCInterval", "300000");
        return options;
    }

    /** Sets each default the JVM still has at its own default; returns the names it set. */
    static List<String> apply() {
        List<String> set = new ArrayList<>();
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return set;
        }
        DEFAULTS.forEach((name, value) -> {
            try {
                VMOption option = hotSpot.getVMOption(name);
                if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                    hotSpot.setVMOption(name, value);
                    set.add(name);
                }
            } catch (IllegalArgumentException e) {
                // not this JVM's option (another collector or vendor): nothing to set
            }
        });
        return set;
    }
}
